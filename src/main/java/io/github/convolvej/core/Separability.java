package io.github.convolvej.core;

import java.util.Optional;

/**
 * Rank-1 detection of real N-D kernels: {@code k[x,y,..] == f0[x] f1[y] ...}.
 * The factors are read off the lines through the largest entry and the
 * product is checked against every entry.
 */
public final class Separability {

	/** Relative tolerance, in units of the largest entry. */
	static final double TOLERANCE = 1e-12;

	private Separability() {}

	/** The 1-D factors, one per axis (x first), or empty when not rank 1. */
	public static Optional< double[][] > factors(final double[] k, final int[] dims) {
		final int n = dims.length;
		int pivot = 0;
		for (int i = 1; i < k.length; i++)
			if (Math.abs(k[i]) > Math.abs(k[pivot]))
				pivot = i;
		final double p = k[pivot];
		if (p == 0 || !Double.isFinite(p))
			return Optional.empty();
		final int[] strides = new int[n];
		final int[] pivotPos = new int[n];
		int st = 1, rest = pivot;
		for (int d = 0; d < n; d++) {
			strides[d] = st;
			st *= dims[d];
			pivotPos[d] = rest % dims[d];
			rest /= dims[d];
		}
		final double[][] f = new double[n][];
		for (int d = 0; d < n; d++) {
			f[d] = new double[dims[d]];
			final int base = pivot - pivotPos[d] * strides[d];
			for (int i = 0; i < dims[d]; i++)
				f[d][i] = k[base + i * strides[d]] / (d == 0 ? 1 : p);
		}
		final double tol = TOLERANCE * Math.abs(p) * Math.max(1, k.length);
		final int[] pos = new int[n];
		for (int i = 0; i < k.length; i++) {
			double prod = 1;
			for (int d = 0; d < n; d++)
				prod *= f[d][pos[d]];
			if (Math.abs(prod - k[i]) > tol)
				return Optional.empty();
			for (int d = 0; d < n; d++) {
				if (++pos[d] < dims[d])
					break;
				pos[d] = 0;
			}
		}
		return Optional.of(f);
	}
}
