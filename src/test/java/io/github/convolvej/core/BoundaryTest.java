package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessible;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.outofbounds.OutOfBoundsRandomValueFactory;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * Each boundary's pattern, as SPEC's table writes it for a b c d, on images
 * whose values encode their position (10 y + x), through the ImgLib2
 * out-of-bounds factory and the flat-index rule, far beyond the edges.
 */
class BoundaryTest {

	/** SPEC's patterns for x = -8 .. 11 on a b c d = 0 1 2 3 (-1 = fill value). */
	private static final int[][] PATTERN = {
			// -8 -7 -6 -5 -4 -3 -2 -1 | 0 1 2 3 | 4 5 6 7 8 9 10 11
			{ 0, 1, 2, 3, 3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0, 0, 1, 2, 3 }, // symm: d c b a | a b c d | d c b a
			{ 2, 1, 0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1 }, // mirror: d c b | a b c d | c b a
			{ 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3 }, // nearest
			{ 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3 }, // wrap
			{ -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, -1, -1, -1, -1, -1, -1, -1, -1 } // fill
	};

	private static final Boundary[] ORDER = { Boundary.SYMMETRIC, Boundary.MIRROR, Boundary.NEAREST, Boundary.WRAP, Boundary.FILL };

	@Test
	void flatIndexRuleFollowsTheTable() {
		for (int b = 0; b < ORDER.length; b++)
			for (int x = -8; x <= 11; x++)
				assertEquals(PATTERN[b][x + 8], ORDER[b].sourceIndex(x, 4), ORDER[b] + " at x=" + x);
	}

	@Test
	void outOfBoundsFactoryFollowsTheTableIn2D() {
		// 4 x 3 image, value 10 y + x
		final ArrayImg< DoubleType, DoubleArray > img = ArrayImgs.doubles(4, 3);
		final RandomAccess< DoubleType > w = img.randomAccess();
		for (int y = 0; y < 3; y++)
			for (int x = 0; x < 4; x++)
				w.setPositionAndGet(x, y).set(10 * y + x);
		// y follows the same rules for a size-3 axis; take it from the flat rule once checked above
		for (int b = 0; b < ORDER.length; b++) {
			final RandomAccessible< DoubleType > ext = ORDER[b].extend(img, new DoubleType(-1));
			final RandomAccess< DoubleType > r = ext.randomAccess();
			for (int y = -7; y <= 9; y++)
				for (int x = -8; x <= 11; x++) {
					final int sx = PATTERN[b][x + 8];
					final long sy = ORDER[b].sourceIndex(y, 3);
					final double expected = sx < 0 || sy < 0 ? -1 : 10 * sy + sx;
					assertEquals(expected, r.setPositionAndGet(x, y).get(), ORDER[b] + " at " + x + "," + y);
				}
		}
	}

	@Test
	void eachFactoryNamesItsBoundary() {
		for (final Boundary b : Boundary.values())
			assertSame(b, Boundary.of(b.outOfBoundsFactory(new DoubleType(3))));
		assertNull(Boundary.of(new OutOfBoundsRandomValueFactory<>(new DoubleType(), 0, 1)), "a factory no boundary makes");
	}

	@Test
	void singlePixelAxes() {
		for (final Boundary b : Boundary.values())
			for (int x = -3; x <= 3; x++)
				assertEquals(b == Boundary.FILL && x != 0 ? -1 : 0, b.sourceIndex(x, 1), b + " at " + x);
	}

	@Test
	void labelsAndAliases() {
		assertSame(Boundary.SYMMETRIC, Boundary.fromLabel("symm"));
		assertSame(Boundary.SYMMETRIC, Boundary.fromLabel("Reflect"));
		assertSame(Boundary.SYMMETRIC, Boundary.fromLabel("symmetric"));
		assertSame(Boundary.MIRROR, Boundary.fromLabel("mirror"));
		assertSame(Boundary.NEAREST, Boundary.fromLabel("edge"));
		assertSame(Boundary.NEAREST, Boundary.fromLabel("border"));
		assertSame(Boundary.NEAREST, Boundary.fromLabel("replicate"));
		assertSame(Boundary.WRAP, Boundary.fromLabel("periodic"));
		assertSame(Boundary.FILL, Boundary.fromLabel(" constant "));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Boundary.fromLabel("reflective"));
		assertEquals(true, e.getMessage().contains("reflective") && e.getMessage().contains("symm"), e.getMessage());
	}
}
