package io.github.convolvej.core;

import net.imglib2.Interval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;

/**
 * A convolution's output: the real part, the imaginary part when the kernel
 * was complex, where the output lies in image coordinates (a {@code full}
 * result starts left of the image), and which engine computed it.
 */
public final class ConvolutionResult< T extends RealType< T > > {

	private final Img< T > real;
	private final Img< T > imaginary;
	private final Img< T > certainty;
	private final Interval interval;
	private final String engine;

	public ConvolutionResult(final Img< T > real, final Img< T > imaginary, final Interval interval, final String engine) {
		this(real, imaginary, null, interval, engine);
	}

	/** @param certainty {@code sum k c / sum k} when asked for, else null */
	public ConvolutionResult(final Img< T > real, final Img< T > imaginary, final Img< T > certainty, final Interval interval, final String engine) {
		this.real = real;
		this.imaginary = imaginary;
		this.certainty = certainty;
		this.interval = interval;
		this.engine = engine;
	}

	/** The real part (the whole result for a real kernel); its min is 0. */
	public Img< T > real() {
		return real;
	}

	/** The imaginary part, or null for a real kernel. */
	public Img< T > imaginary() {
		return imaginary;
	}

	/**
	 * The share of the kernel's weight on present pixels, {@code sum k c / sum k},
	 * when {@link ConvolutionOptions#certainty(boolean)} asked for it; else null.
	 */
	public Img< T > certainty() {
		return certainty;
	}

	public boolean isComplex() {
		return imaginary != null;
	}

	/** The output positions in image coordinates. */
	public Interval interval() {
		return interval;
	}

	/** "direct", "separable" or "fft". */
	public String engine() {
		return engine;
	}
}
