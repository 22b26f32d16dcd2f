package io.github.convolvej.ij;

import java.awt.Color;
import java.util.Arrays;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

/**
 * Collects filtered planes, converts them to the output pixel type as they
 * arrive (so a "Same as input" result never holds more than one float plane
 * per worker), and assembles the result image: its hyperstack dimensions,
 * channel labels and LUTs, display range and shifted calibration.
 */
final class ResultStack {

	private static final String[] RGB_NAMES = { "Red", "Green", "Blue" };

	private final FilterPlan plan;
	/** The source channels being filtered (1-based), in output order. */
	private final int[] channels;
	private final int nz;
	private final int nt;
	private final int width;
	private final int height;
	private final ImageProcessor[] slots;
	private final String[] labels;

	ResultStack(final FilterPlan plan, final int[] channels, final int nz, final int nt) {
		this.plan = plan;
		this.channels = channels.clone();
		this.nz = nz;
		this.nt = nt;
		this.width = plan.outWidth();
		this.height = plan.outHeight();
		this.slots = new ImageProcessor[outChannels() * nz * nt];
		this.labels = new String[slots.length];
	}

	private boolean packsRgb() {
		return plan.bitDepth == 24;
	}

	int outChannels() {
		return packsRgb() ? 1 : channels.length * plan.parts.length;
	}

	/**
	 * Stores one filtered plane of source channel {@code c}, at output plane
	 * {@code z} and frame {@code t} (0-based); {@code re}/{@code im} hold
	 * {@code width * height} values from {@code offset}, {@code im} null for a
	 * real kernel. {@code label} is the source plane's label or null.
	 */
	synchronized void put(final int c, final int z, final int t, final float[] re, final float[] im, final int offset, final String label) {
		final int ci = channelPosition(c);
		final int n = width * height;
		if (packsRgb()) {
			final int slot = slot(0, z, t);
			if (slots[slot] == null)
				slots[slot] = new ColorProcessor(width, height, newOpaque(n));
			final int[] rgb = (int[]) slots[slot].getPixels();
			final float[] v = part(plan.parts[0], re, im, offset, n);
			final int shift = 8 * (2 - (c - 1));
			for (int i = 0; i < n; i++)
				rgb[i] |= roundClip(v[i], 255) << shift;
			labels[slot] = label;
			return;
		}
		for (int p = 0; p < plan.parts.length; p++) {
			final int slot = slot(ci * plan.parts.length + p, z, t);
			slots[slot] = processor(part(plan.parts[p], re, im, offset, n));
			labels[slot] = label(c, p, label);
		}
	}

	private String label(final int c, final int p, final String sourceLabel) {
		final String channel = plan.rgb ? RGB_NAMES[c - 1] : plan.channels > 1 && plan.parts.length > 1 ? "C" + c : null;
		final String part = plan.parts.length > 1 ? plan.parts[p].label() : null;
		if (channel == null && part == null)
			return sourceLabel;
		return channel == null ? part : part == null ? channel : channel + " " + part;
	}

	private int channelPosition(final int c) {
		for (int i = 0; i < channels.length; i++)
			if (channels[i] == c)
				return i;
		throw new IllegalArgumentException("Channel " + c + " is not being filtered.");
	}

	/** ImageJ's plane order: channel fastest, then Z, then T. */
	private int slot(final int c, final int z, final int t) {
		return (t * nz + z) * outChannels() + c;
	}

	private static int[] newOpaque(final int n) {
		final int[] p = new int[n];
		Arrays.fill(p, 0xff000000);
		return p;
	}

	/** One part of the complex result, or the real result itself. */
	private static float[] part(final ComplexOutput part, final float[] re, final float[] im, final int offset, final int n) {
		final float[] r = Arrays.copyOfRange(re, offset, offset + n);
		if (im == null || part == ComplexOutput.REAL)
			return r;
		final float[] i = Arrays.copyOfRange(im, offset, offset + n);
		final float[] out = new float[n];
		part.compute(r, i, out);
		return out;
	}

	private ImageProcessor processor(final float[] v) {
		switch (plan.bitDepth) {
			case 8: {
				final byte[] b = new byte[v.length];
				for (int i = 0; i < v.length; i++)
					b[i] = (byte) roundClip(v[i], 255);
				return new ByteProcessor(width, height, b);
			}
			case 16: {
				final short[] s = new short[v.length];
				for (int i = 0; i < v.length; i++)
					s[i] = (short) roundClip(v[i], 65535);
				return new ShortProcessor(width, height, s, null);
			}
			default:
				return new FloatProcessor(width, height, v);
		}
	}

	/** Rounded half up and clipped to {@code 0..max}; NaN gives 0. */
	static int roundClip(final float v, final int max) {
		if (!(v > 0)) // also NaN
			return 0;
		final double r = Math.floor(v + 0.5);
		return r >= max ? max : (int) r;
	}

	/** The result image, not shown. */
	ImagePlus toImage(final String title, final long[] origin) {
		final ImageStack stack = new ImageStack(width, height);
		for (int i = 0; i < slots.length; i++)
			stack.addSlice(labels[i], slots[i]);
		ImagePlus imp = new ImagePlus(title, stack);
		final int nc = outChannels();
		imp.setDimensions(nc, nz, nt);
		if (nc > 1)
			imp = composite(imp, nc);
		else
			copySingleLut(imp);
		imp.setCalibration(calibration(origin));
		if (nc > 1 || plan.source.isHyperStack() || nz > 1 && nt > 1)
			imp.setOpenAsHyperStack(true);
		displayRange(imp);
		return imp;
	}

	private ImagePlus composite(final ImagePlus imp, final int nc) {
		final ImagePlus source = plan.source;
		if (plan.rgb && plan.parts.length == 1) {
			final CompositeImage ci = new CompositeImage(imp, IJ.COMPOSITE);
			ci.setLuts(new LUT[] { LUT.createLutFromColor(Color.red), LUT.createLutFromColor(Color.green), LUT.createLutFromColor(Color.blue) });
			return ci;
		}
		if (source.isComposite() && plan.parts.length == 1 && nc == source.getNChannels()) {
			final CompositeImage s = (CompositeImage) source;
			final CompositeImage ci = new CompositeImage(imp, s.getMode());
			final LUT[] luts = s.getLuts();
			final LUT[] copies = new LUT[nc];
			for (int c = 0; c < nc; c++)
				copies[c] = (LUT) luts[c].clone();
			ci.setLuts(copies);
			return ci;
		}
		return new CompositeImage(imp, IJ.GRAYSCALE);
	}

	private void copySingleLut(final ImagePlus imp) {
		final ImagePlus source = plan.source;
		if (plan.rgb || plan.parts.length > 1 || source.isComposite() && source.getNChannels() > 1)
			return;
		final ImageProcessor sp = source.getProcessor();
		if (sp == null || sp.isDefaultLut())
			return;
		final LUT lut = sp.getLut();
		imp.getProcessor().setLut(lut);
		imp.getStack().setColorModel(lut);
	}

	private Calibration calibration(final long[] origin) {
		final Calibration cal = plan.source.getCalibration().copy();
		cal.xOrigin -= origin[0];
		cal.yOrigin -= origin[1];
		cal.zOrigin -= origin[2];
		if (plan.bitDepth != plan.source.getBitDepth() || plan.bitDepth == 32)
			cal.disableDensityCalibration();
		return cal;
	}

	private void displayRange(final ImagePlus imp) {
		if (plan.bitDepth == 32) {
			if (imp instanceof CompositeImage)
				((CompositeImage) imp).resetDisplayRanges();
			else
				imp.resetDisplayRange();
			return;
		}
		if (plan.bitDepth == 24 || imp instanceof CompositeImage)
			return; // RGB has none; composite LUTs carry their own ranges
		imp.setDisplayRange(plan.source.getDisplayRangeMin(), plan.source.getDisplayRangeMax());
	}
}
