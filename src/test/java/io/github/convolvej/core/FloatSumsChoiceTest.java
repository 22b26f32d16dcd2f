package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.engine.rows.VectorEngines;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Where the direct and separable sums may run in float (the vector engines): a 32-bit
 * result of an image whose values are floats, without missing-data
 * arithmetic, unless {@code precision=double}. Everywhere else the double
 * sums run, and both agree within float rounding.
 */
class FloatSumsChoiceTest {

	private static final Kernel KERNEL = Kernel.parse("1 2 -1; 0 3 1; -2 1 1");

	@Test
	void floatSumsOnlyWhereTheyLoseNothing() {
		assumeTrue(VectorEngines.available(), "this JVM runs without jdk.incubator.vector");
		final ConvolutionOptions direct = ConvolutionOptions.convolve().algorithm(Algorithm.DIRECT);
		final Img< FloatType > floats = filled(ArrayImgs.floats(37, 23));
		assertEquals("direct-vector", Convolution.apply(floats, KERNEL, direct).engine());
		assertEquals("direct-vector", Convolution.apply(filled(ArrayImgs.unsignedShorts(37, 23)), KERNEL, direct).engine());
		// an image that is a view (not its own arrays) is read through PrimitiveBlocks, still as floats
		assertEquals("direct-vector", Convolution.apply(Views.interval(floats, new long[] { 2, 1 }, new long[] { 30, 20 }), KERNEL, direct).engine());
		assertEquals("separable-vector", Convolution.apply(floats, Kernel.parse("gaussian(1.5)"), direct.copy().algorithm(Algorithm.SEPARABLE)).engine());
		assertEquals("separable", Convolution.apply(floats, Kernel.parse("gaussian(1.5)"), direct.copy().algorithm(Algorithm.SEPARABLE).precision(Precision.DOUBLE)).engine());
		assertEquals("direct", Convolution.apply(floats, KERNEL, direct.copy().precision(Precision.DOUBLE)).engine(), "precision=double");
		assertEquals("direct", Convolution.applyDouble(floats, KERNEL, direct).engine(), "a 64-bit result");
		assertEquals("direct", Convolution.apply(filled(ArrayImgs.doubles(37, 23)), KERNEL, direct).engine(), "doubles are not floats");
		assertEquals("direct", Convolution.apply(filled(ArrayImgs.ints(37, 23)), KERNEL, direct).engine(), "32-bit integers are not all floats");
		assertEquals("direct", Convolution.apply(floats, KERNEL, direct.copy().boundary(Boundary.FILL).fillValue(0.1)).engine(), "a fill value that is not a float");
		assertEquals("direct-vector", Convolution.apply(floats, KERNEL, direct.copy().boundary(Boundary.FILL).fillValue(Double.NaN)).engine());
		assertEquals("direct", Convolution.apply(floats, Kernel.parse("box(3)"), direct.copy().missingData(MissingData.INTERPOLATE)).engine(), "normalized convolution");
	}

	@Test
	void floatAndDoubleSumsAgree() {
		final Img< FloatType > floats = filled(ArrayImgs.floats(301, 67));
		final Kernel k = Kernel.parse("gaussian(2)").withDimensions(2);
		for (final Algorithm a : new Algorithm[] { Algorithm.DIRECT, Algorithm.SEPARABLE })
			for (final Boundary b : Boundary.values()) {
				final ConvolutionOptions o = ConvolutionOptions.convolve().algorithm(a).boundary(b).fillValue(2);
				final Cursor< FloatType > f = Convolution.apply(floats, k, o).real().cursor();
				final Cursor< DoubleType > d = Convolution.applyDouble(floats, k, o).real().cursor();
				while (f.hasNext())
					assertEquals(d.next().get(), f.next().get(), 1e-5 * Math.max(1, Math.abs(d.get().get())), a.label() + " " + b.label());
			}
	}

	private static < T extends RealType< T > > Img< T > filled(final Img< T > img) {
		final Random rnd = new Random(5);
		for (final T t : img)
			t.setReal(rnd.nextInt(1000) / 7.0);
		return img;
	}
}
