package io.github.convolvej.core.engine.source;

import java.lang.reflect.Array;
import java.util.function.Function;
import java.util.function.Supplier;

import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Copies boxes of an image's own pixels in their primitive type through
 * {@link PrimitiveBlocks} (a memory copy for array, planar and cell images)
 * and widens runs of them to double, so pixels are converted once, straight
 * into the engine's buffer. Array and planar images are not even copied:
 * their rows are widened from the image's own arrays ({@link #storage()}). Types other than the usual ones go through a
 * converter to {@link DoubleType}.
 */
abstract class PixelBands {

	private final PrimitiveBlocks< ? > blocks;
	/** The image's storage when rows can be widened in place, else null. */
	private final PixelStorage storage;
	/** The primitive type of the pixels: {@code byte.class}, ..., {@code double.class}. */
	private final Class< ? > primitive;

	private PixelBands(final PrimitiveBlocks< ? > blocks, final PixelStorage storage, final Class< ? > primitive) {
		this.blocks = blocks;
		this.storage = storage;
		this.primitive = primitive;
	}

	/** The image's own arrays, when it is an array or planar image of a type read here; else null. */
	final PixelStorage storage() {
		return storage;
	}

	/** A primitive array of at least {@code n} values to copy into (once per block, not per pixel). */
	final Object buffer(final int n) {
		return Array.newInstance(primitive, n);
	}

	/** Length of a buffer from {@link #buffer(int)}. */
	final int length(final Object buffer) {
		return Array.getLength(buffer);
	}

	/** {@code dest[destPos + i] = buffer[from + i]} for {@code i < length}, as doubles. */
	abstract void widen(Object buffer, int from, double[] dest, int destPos, int length);

	/** {@code dest[destPos + i] = buffer[from + i]} for {@code i < length}, as floats (rounded for wider types). */
	abstract void narrow(Object buffer, int from, float[] dest, int destPos, int length);

	/** Whether every value of this pixel type is exactly a float (not so for int and double). */
	final boolean exactInFloat() {
		return primitive == byte.class || primitive == short.class || primitive == float.class;
	}

	/** True when {@code buffer[0 .. length)} holds no NaN or infinity (always for integer types). */
	boolean allFinite(final Object buffer, final int length) {
		return true;
	}

	/** Whether this pixel type can hold NaN or infinity at all. */
	final boolean floatingPoint() {
		return primitive == float.class || primitive == double.class;
	}

	/** Copies the box at {@code pos} of {@code size} into {@code buffer}, x fastest. Thread-safe. */
	final void copy(final long[] pos, final int[] size, final Object buffer) {
		blocks.copy(pos, buffer, size);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static PixelBands of(final RandomAccessibleInterval< ? extends RealType< ? > > image) {
		final RandomAccessibleInterval zeroMin = Views.zeroMin(image);
		return forType(image.getType(), zeroMin, arrays -> PixelStorage.of(image, arrays), () -> ImageBlockSource.asDouble(zeroMin));
	}

	/**
	 * Boxes of an already extended source (any out-of-bounds view), copied
	 * in its own primitive type; never read in place.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static PixelBands ofExtended(final RandomAccessible< ? extends RealType< ? > > source) {
		final RandomAccessible s = source;
		return forType(source.getType(), s, arrays -> null, () -> Converters.convert(s, (a, b) -> ((DoubleType) b).set(((RealType) a).getRealDouble()), new DoubleType()));
	}

	/**
	 * The bands for pixels of type {@code t} read from {@code source}: in
	 * their own primitive type for the usual types, else as doubles from
	 * {@code asDouble}.
	 *
	 * @param storage the image's arrays of that primitive type, or null
	 */
	private static PixelBands forType(final Object t, final RandomAccessible< ? > source, final Function< Class< ? >, PixelStorage > storage, final Supplier< RandomAccessible< ? > > asDouble) {
		if (t instanceof DoubleType)
			return new Doubles(blocks(source), storage.apply(double[].class));
		if (t instanceof FloatType)
			return new Floats(blocks(source), storage.apply(float[].class));
		if (t instanceof UnsignedByteType || t instanceof ByteType)
			return new Bytes(blocks(source), storage.apply(byte[].class), t instanceof UnsignedByteType);
		if (t instanceof UnsignedShortType || t instanceof ShortType)
			return new Shorts(blocks(source), storage.apply(short[].class), t instanceof UnsignedShortType);
		if (t instanceof UnsignedIntType || t instanceof IntType)
			return new Ints(blocks(source), storage.apply(int[].class), t instanceof UnsignedIntType);
		return new Doubles(blocks(asDouble.get()), null);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static PrimitiveBlocks< ? > blocks(final RandomAccessible image) {
		return PrimitiveBlocks.of(image, PrimitiveBlocks.OnFallback.ACCEPT).threadSafe();
	}

	private static final class Doubles extends PixelBands {
		Doubles(final PrimitiveBlocks< ? > b, final PixelStorage storage) {
			super(b, storage, double.class);
		}

		@Override
		boolean allFinite(final Object buffer, final int length) {
			final double[] b = (double[]) buffer;
			for (int i = 0; i < length; i++)
				if (!Double.isFinite(b[i]))
					return false;
			return true;
		}

		@Override
		void narrow(final Object buffer, final int from, final float[] dest, final int destPos, final int length) {
			final double[] b = (double[]) buffer;
			for (int i = 0; i < length; i++)
				dest[destPos + i] = (float) b[from + i];
		}

		@Override
		void widen(final Object buffer, final int from, final double[] dest, final int destPos, final int length) {
			System.arraycopy(buffer, from, dest, destPos, length);
		}
	}

	private static final class Floats extends PixelBands {
		Floats(final PrimitiveBlocks< ? > b, final PixelStorage storage) {
			super(b, storage, float.class);
		}

		@Override
		boolean allFinite(final Object buffer, final int length) {
			final float[] b = (float[]) buffer;
			for (int i = 0; i < length; i++)
				if (!Float.isFinite(b[i]))
					return false;
			return true;
		}

		@Override
		void narrow(final Object buffer, final int from, final float[] dest, final int destPos, final int length) {
			System.arraycopy(buffer, from, dest, destPos, length);
		}

		@Override
		void widen(final Object buffer, final int from, final double[] dest, final int destPos, final int length) {
			final float[] b = (float[]) buffer;
			for (int i = 0; i < length; i++)
				dest[destPos + i] = b[from + i];
		}
	}

	private static final class Bytes extends PixelBands {
		/** The bits a value keeps: all for signed pixels (sign-extended as they are), the low ones for unsigned. */
		private final int mask;

		Bytes(final PrimitiveBlocks< ? > b, final PixelStorage storage, final boolean unsigned) {
			super(b, storage, byte.class);
			mask = unsigned ? 0xff : -1;
		}

		@Override
		void narrow(final Object buffer, final int from, final float[] dest, final int destPos, final int length) {
			final byte[] b = (byte[]) buffer;
			for (int i = 0; i < length; i++)
				dest[destPos + i] = b[from + i] & mask;
		}

		@Override
		void widen(final Object buffer, final int from, final double[] dest, final int destPos, final int length) {
			final byte[] b = (byte[]) buffer;
			for (int i = 0; i < length; i++)
				dest[destPos + i] = b[from + i] & mask;
		}
	}

	private static final class Shorts extends PixelBands {
		/** The bits a value keeps: all for signed pixels (sign-extended as they are), the low ones for unsigned. */
		private final int mask;

		Shorts(final PrimitiveBlocks< ? > b, final PixelStorage storage, final boolean unsigned) {
			super(b, storage, short.class);
			mask = unsigned ? 0xffff : -1;
		}

		@Override
		void narrow(final Object buffer, final int from, final float[] dest, final int destPos, final int length) {
			final short[] b = (short[]) buffer;
			for (int i = 0; i < length; i++)
				dest[destPos + i] = b[from + i] & mask;
		}

		@Override
		void widen(final Object buffer, final int from, final double[] dest, final int destPos, final int length) {
			final short[] b = (short[]) buffer;
			for (int i = 0; i < length; i++)
				dest[destPos + i] = b[from + i] & mask;
		}
	}

	private static final class Ints extends PixelBands {
		private final boolean unsigned;

		Ints(final PrimitiveBlocks< ? > b, final PixelStorage storage, final boolean unsigned) {
			super(b, storage, int.class);
			this.unsigned = unsigned;
		}

		@Override
		void narrow(final Object buffer, final int from, final float[] dest, final int destPos, final int length) {
			final int[] b = (int[]) buffer;
			if (unsigned)
				for (int i = 0; i < length; i++)
					dest[destPos + i] = b[from + i] & 0xffffffffL;
			else
				for (int i = 0; i < length; i++)
					dest[destPos + i] = b[from + i];
		}

		@Override
		void widen(final Object buffer, final int from, final double[] dest, final int destPos, final int length) {
			final int[] b = (int[]) buffer;
			if (unsigned)
				for (int i = 0; i < length; i++)
					dest[destPos + i] = b[from + i] & 0xffffffffL;
			else
				for (int i = 0; i < length; i++)
					dest[destPos + i] = b[from + i];
		}
	}
}
