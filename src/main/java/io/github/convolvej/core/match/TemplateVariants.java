package io.github.convolvej.core.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The copies of templates that a search with turns and mirrors covers: for
 * every template, every mirror {@code flip} asks for ({@link Flip#searched}),
 * turned by every exact quarter turn in {@code rotations} and then by every
 * angle in {@code angles} (bilinear); copies with the same pixels as an
 * earlier one (a square template's half turn and its double mirror) are
 * searched once.
 *
 * <pre>
 * List&lt;SearchTemplate&gt; copies = TemplateVariants.of(List.of(t), new double[] { 0, 90, 180, 270 }, Flip.HORIZONTAL, new double[] { 0 });
 * </pre>
 */
public final class TemplateVariants {

	private TemplateVariants() {}

	/**
	 * @param rotations exact turns, multiples of 90 degrees (null: none)
	 * @param angles further turns by interpolation, degrees (null: none)
	 * @throws IllegalArgumentException for a rotation that is not a multiple
	 *             of 90, or turns or mirrors of a template that is not 2-D
	 */
	public static List< SearchTemplate > of(final List< SearchTemplate > templates, final double[] rotations, final Flip flip, final double[] angles) {
		final double[] quarter = rotations == null || rotations.length == 0 ? new double[] { 0 } : rotations;
		final double[] turns = angles == null || angles.length == 0 ? new double[] { 0 } : angles;
		for (final double r : quarter)
			if (!Double.isFinite(r) || r % 90 != 0)
				throw new IllegalArgumentException("rotations are exact quarter turns (0, 90, 180, 270), not " + format(r) + ". Use angles=[start,stop,step] for turns by other angles.");
		final List< SearchTemplate > out = new ArrayList<>();
		for (final SearchTemplate template : templates)
			for (final Flip f : (flip == null ? Flip.NONE : flip).searched())
				for (final double r : quarter)
					for (final double a : turns) {
						final SearchTemplate copy = template.flipped(f).quarterTurns((int) Math.round(r / 90)).rotated(a);
						if (!seen(out, copy))
							out.add(copy);
					}
		return out;
	}

	/**
	 * The angles {@code start, start + step, ...} up to {@code stop}
	 * (included), as {@code angles=[start,stop,step]} gives them.
	 *
	 * @throws IllegalArgumentException for a step that is not positive, or
	 *             more than 3600 angles
	 */
	public static double[] range(final double start, final double stop, final double step) {
		if (!(step > 0) || !Double.isFinite(start) || !Double.isFinite(stop))
			throw new IllegalArgumentException("angles=[start,stop,step] needs finite start and stop and a step above 0, got [" + format(start) + "," + format(stop) + "," + format(step) + "]. For example angles=[0,350,10].");
		final long count = (long) Math.floor((stop - start) / step + 1e-9) + 1;
		if (count < 1)
			throw new IllegalArgumentException("angles=[" + format(start) + "," + format(stop) + "," + format(step) + "] holds no angle: stop must not be below start.");
		if (count > 3600)
			throw new IllegalArgumentException("angles=[" + format(start) + "," + format(stop) + "," + format(step) + "] asks for " + count + " angles; at most 3600 are searched. Use a larger step.");
		final double[] a = new double[(int) count];
		for (int i = 0; i < a.length; i++)
			a[i] = start + i * step;
		return a;
	}

	private static boolean seen(final List< SearchTemplate > copies, final SearchTemplate copy) {
		for (final SearchTemplate c : copies)
			if (Objects.equals(c.name(), copy.name()) && c.samePixels(copy))
				return true;
		return false;
	}

	private static String format(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
	}
}
