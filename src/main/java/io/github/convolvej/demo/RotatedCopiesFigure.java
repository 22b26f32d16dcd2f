package io.github.convolvej.demo;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.ij.ImageMatch;
import io.github.convolvej.ij.MatchResult;
import io.github.convolvej.ij.MatchSettings;
import io.github.convolvej.ij.MatchTable;
import io.github.convolvej.ij.TemplateMatching;

/**
 * The figure of {@code macros/rotated_copies.ijm}: the camera cut from the
 * cameraman, pasted back into the sky turned a quarter left, mirrored, and
 * turned upside down, and found in one search of its quarter turns and
 * mirrors, each with the turn and mirror that matched.
 */
final class RotatedCopiesFigure {

	// The Match Template options of macros/rotated_copies.ijm, character for character.
	static final String OPTIONS = "image=scene template=camera method=[Normalized correlation coefficient] matches=4 threshold=0.9 max_overlap=0.2 rotations=[0,90,180,270] flip=Horizontal score_map";

	/** The camera's box and where the copies go, in the full-size cameraman. */
	static final int[] CAMERA = { 250, 135, 80, 56 };
	static final int[][] PASTED = { { 20, 20 }, { 320, 20 }, { 420, 120 } };

	private final Demo demo;
	private final int shrink;
	private final Path folder;

	RotatedCopiesFigure(final Demo demo, final int shrink, final Path folder) {
		this.demo = demo;
		this.shrink = shrink;
		this.folder = folder;
	}

	void run() throws IOException {
		final ImageProcessor scene = demo.sample("cameraman").getProcessor().duplicate();
		scene.setRoi(CAMERA[0] / shrink, CAMERA[1] / shrink, CAMERA[2] / shrink, CAMERA[3] / shrink);
		final ImageProcessor camera = scene.crop();
		scene.resetRoi();
		// the macro's ImageJ commands: Rotate 90 Degrees Left; Flip Horizontally; both flips
		final ImageProcessor turned = camera.rotateLeft();
		final ImageProcessor mirrored = camera.duplicate();
		mirrored.flipHorizontal();
		final ImageProcessor upsideDown = camera.duplicate();
		upsideDown.flipHorizontal();
		upsideDown.flipVertical();
		final ImageProcessor[] copies = { turned, mirrored, upsideDown };
		for (int i = 0; i < copies.length; i++)
			scene.insert(copies[i], PASTED[i][0] / shrink, PASTED[i][1] / shrink);

		final ImagePlus sceneImage = new ImagePlus("scene", scene);
		final ImagePlus cameraImage = new ImagePlus("camera", camera);
		final Map< String, ImagePlus > open = Map.of("scene", sceneImage, "camera", cameraImage);
		final MatchSettings settings = MatchSettings.fromMacroOptions(OPTIONS);
		final MatchResult result = TemplateMatching.run(sceneImage, settings.templates(open::get), null, settings, ProgressListener.NONE);

		final ColorProcessor marked = Montage.toRgb(scene);
		marked.setColor(Color.YELLOW);
		marked.setLineWidth(Math.max(1, 3 / shrink));
		for (final ImageMatch m : result.matches()) {
			final Roi outline = m.outline();
			marked.draw(outline);
			marked.drawString(label(m), (int) m.left(), (int) Math.max(12, m.top() - 2));
		}
		final ImageProcessor scores = result.scoreMap().getProcessor();
		final Montage figure = new Montage("Match Template: rotations=[0,90,180,270] flip=Horizontal, one search", 384 / shrink);
		figure.add(marked, result.matches().size() + " copies found, each with its turn and mirror");
		figure.add(camera, "template: the camera");
		figure.add(Montage.afmhot(scores, 0, 1), "best score of the 8 copies, 0..1");
		demo.saveFigure(figure, "13-rotated-copies.png");
		final Path csv = folder.resolve("rotated-copies-matches.csv");
		Files.write(csv, MatchTable.csv(result).getBytes(StandardCharsets.UTF_8));
		demo.announce(csv);
	}

	private static String label(final ImageMatch m) {
		return String.format(Locale.ROOT, "%.0f° %s", m.angle(), m.flip().label());
	}
}
