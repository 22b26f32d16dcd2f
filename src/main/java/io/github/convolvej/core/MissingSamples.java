package io.github.convolvej.core;

import java.util.Arrays;

import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.RowReader;

/**
 * The boundary-extended input as the engines read it when pixels may be
 * missing: a pixel is missing where its value is NaN or the (equally
 * extended) mask is 0. The values are only transformed on the way, so the
 * engines run unchanged.
 */
final class MissingSamples implements BlockSource {

	/** What the engines see. */
	enum Reading {
		/** Missing pixels as NaN. */
		MARKED,
		/** Missing pixels as the fill value. */
		FILLED,
		/** Two planes along a new last axis: {@code c f} (0 where missing) and {@code c}. */
		NUMERATOR_AND_WEIGHT,
		/** {@code c}: 1 where present, 0 where missing. */
		WEIGHT
	}

	private final BlockSource values;
	private final BlockSource mask;
	private final Reading reading;
	private final double fill;
	private final int[] dims;

	/** @param mask may be null: then only NaN is missing */
	MissingSamples(final BlockSource values, final BlockSource mask, final Reading reading, final double fill) {
		if (mask != null && !Arrays.equals(mask.dims(), values.dims()))
			throw new IllegalArgumentException("Mask block " + Arrays.toString(mask.dims()) + " differs from the image block " + Arrays.toString(values.dims()) + ".");
		this.values = values;
		this.mask = mask;
		this.reading = reading;
		this.fill = fill;
		final int[] v = values.dims();
		this.dims = reading == Reading.NUMERATOR_AND_WEIGHT ? append(v, 2) : v;
	}

	static int[] append(final int[] dims, final int last) {
		final int[] d = Arrays.copyOf(dims, dims.length + 1);
		d[dims.length] = last;
		return d;
	}

	@Override
	public int[] dims() {
		return dims.clone();
	}

	private boolean stacked() {
		return reading == Reading.NUMERATOR_AND_WEIGHT;
	}

	@Override
	public void read(final int[] min, final int[] size, final double[] dest) {
		final int n = values.numDimensions();
		final int[] vMin = Arrays.copyOf(min, n), vSize = Arrays.copyOf(size, n);
		final int part = numElements(vSize);
		final double[] m = mask == null ? null : new double[part];
		if (m != null)
			mask.read(vMin, vSize, m);
		final int firstPlane = stacked() ? min[n] : 0, planes = stacked() ? size[n] : 1;
		double[] v = dest;
		for (int p = 0; p < planes; p++) {
			if (p > 0) {
				v = new double[part];
			}
			values.read(vMin, vSize, v);
			transform(v, m, part, firstPlane + p);
			if (v != dest)
				System.arraycopy(v, 0, dest, p * part, part);
		}
	}

	@Override
	public RowReader rowReader() {
		final int n = values.numDimensions();
		final RowReader v = values.rowReader();
		final RowReader mr = mask == null ? null : mask.rowReader();
		final int[] vMin = new int[n];
		return new RowReader() {
			private double[] m = new double[0];

			@Override
			public void read(final int[] min, final int length, final double[] dest) {
				System.arraycopy(min, 0, vMin, 0, n);
				v.read(vMin, length, dest);
				if (mr != null) {
					if (m.length < length)
						m = new double[length];
					mr.read(vMin, length, m);
				}
				transform(dest, mr == null ? null : m, length, stacked() ? min[n] : 0);
			}
		};
	}

	/** One loop per reading, so that the per-pixel work is a test and a store. */
	private void transform(final double[] v, final double[] m, final int length, final int plane) {
		switch (reading) {
			case MARKED:
				for (int i = 0; i < length; i++)
					if (m != null && m[i] == 0)
						v[i] = Double.NaN;
				break;
			case FILLED:
				for (int i = 0; i < length; i++)
					if (Double.isNaN(v[i]) || m != null && m[i] == 0)
						v[i] = fill;
				break;
			default:
				final boolean weight = reading == Reading.WEIGHT || plane == 1;
				for (int i = 0; i < length; i++) {
					final boolean missing = Double.isNaN(v[i]) || m != null && m[i] == 0;
					v[i] = missing ? 0 : weight ? 1 : v[i];
				}
		}
	}

	@Override
	public boolean allFinite() {
		return NonFinitePattern.scan(this).none();
	}

	private static int numElements(final int[] size) {
		int n = 1;
		for (final int s : size)
			n *= s;
		return n;
	}
}
