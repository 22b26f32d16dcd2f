package io.github.convolvej.plugin;

import static io.github.convolvej.plugin.DialogDriver.dialog;
import static io.github.convolvej.plugin.DialogDriver.finish;
import static io.github.convolvej.plugin.DialogDriver.onEdt;
import static io.github.convolvej.plugin.DialogDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.event.ActionEvent;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.plugin.frame.Recorder;
import ij.plugin.frame.RoiManager;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.text.TextWindow;
import io.github.convolvej.ij.AfmHotLut;
import io.github.convolvej.ij.MatchResult;
import io.github.convolvej.ij.MatchSettings;
import io.github.convolvej.ij.TemplateMatching;

/**
 * Match Template as users run it: {@code IJ.run} with macro options, the
 * dialog and the Recorder, and the example macro that reproduces the
 * article. ImageJ 1 builds AWT menus, so these tests need a display (run
 * under {@code xvfb-run}); they are skipped without one.
 */
class MatchTemplatePluginTest {

	private static final Pattern CONFIG_LINE = Pattern.compile("^(\\S[^,]*),\\s*\"([^\"]+)\",\\s*(\\S+)\\s*$");
	private static final String COMMAND = "Match Template...";

	@BeforeAll
	static void registerCommands() throws IOException {
		if (GraphicsEnvironment.isHeadless())
			return;
		if (Menus.getCommands() == null)
			IJ.run("Collect Garbage"); // any command makes ImageJ build its menus
		for (final String[] entry : pluginsConfig())
			Menus.getCommands().put(entry[1], entry[2]);
		Menus.getCommands().putIfAbsent("Open ConvolveJ Sample", OpenSample.class.getName());
	}

	@AfterEach
	void closeEverything() {
		if (GraphicsEnvironment.isHeadless())
			return;
		final int[] ids = WindowManager.getIDList(); // batch mode images too, while it is on
		for (final int id : ids == null ? new int[0] : ids) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (imp != null) {
				imp.changes = false;
				imp.close();
			}
		}
		Interpreter.batchMode = false;
		final RoiManager rm = RoiManager.getInstance();
		if (rm != null) {
			rm.reset();
			rm.close();
		}
		final java.awt.Frame table = WindowManager.getFrame("Matches");
		if (table instanceof TextWindow)
			((TextWindow) table).close(false);
	}

	@Test
	void theMenuEntriesNameThePluginAndTheExample() throws IOException, ClassNotFoundException {
		boolean plugin = false, example = false;
		for (final String[] e : pluginsConfig()) {
			if (e[1].equals(COMMAND)) {
				assertEquals("Plugins>ConvolveJ", e[0]);
				assertEquals(MatchTemplatePlugin.class.getName(), e[2]);
				assertTrue(ij.plugin.PlugIn.class.isAssignableFrom(Class.forName(e[2])));
				plugin = true;
			}
			if (e[2].contains("template_matching.ijm")) {
				assertEquals("Plugins>ConvolveJ>Examples", e[0]);
				assertEquals("ij.plugin.Macro_Runner(\"JAR:macros/template_matching.ijm\")", e[2]);
				assertNotNull(getClass().getResource("/macros/template_matching.ijm"), "the macro is in the jar");
				example = true;
			}
		}
		assertTrue(plugin && example);
	}

	@Test
	void macroOptionsRunTheMatchAndShowEverything() throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless());
		Interpreter.batchMode = true; // as a macro runs it: the images stay hidden
		final ImagePlus image = shown(noise("field", 90, 60, 1));
		final ImagePlus template = shown(crop(image, "pattern", 50, 20, 11, 9));
		plant(image, template, 10, 40);
		final float[] before = ((float[]) image.getProcessor().getPixels()).clone();
		final String options = "image=field template=pattern method=[Normalized cross correlation] mode=valid matches=2 min_distance=5 score_map add_to_manager";
		IJ.run(image, COMMAND, options);

		final MatchResult expected = TemplateMatching.run(image, template, MatchSettings.fromMacroOptions(options), null);
		final ResultsTable table = waitFor(() -> ResultsTable.getResultsTable("Matches"));
		assertEquals(2, table.size());
		for (final String column : new String[] { "X", "Y", "BX", "BY", "Width", "Height", "Score" })
			for (int row = 0; row < 2; row++)
				assertEquals(expected.toTable().getValue(column, row), table.getValue(column, row), 0, column + " " + row);
		assertEquals(2 * 3, image.getOverlay().size(), "rectangle, marker and label per match");
		final ImagePlus scores = WindowManager.getImage("field-scores");
		assertNotNull(scores, String.join(", ", WindowManager.getImageTitles()));
		assertArrayEquals((float[]) expected.scoreMap().getProcessor().getPixels(), (float[]) scores.getProcessor().getPixels());
		assertLut(AfmHotLut.lut(), scores.getProcessor().getLut());
		final RoiManager rm = RoiManager.getInstance();
		assertNotNull(rm);
		assertEquals(2, rm.getCount());
		assertEquals("pattern", rm.getRoi(0).getName());
		assertEquals(table.getValue("Score", 0), Double.parseDouble(rm.getRoi(0).getProperty("Score")), 1e-12);
		assertArrayEquals(before, (float[]) image.getProcessor().getPixels(), "the image's pixels are untouched");
	}

	/**
	 * The README's macro lines for the Matches table: each run replaces the
	 * rows of the one Matches window; Table.get and Table.save read and write
	 * it with the score's every digit; nResults (the Results table) stays 0.
	 */
	@Test
	void theMatchesTableInMacros(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir) throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless());
		Interpreter.batchMode = true;
		final ImagePlus image = shown(noise("field", 90, 60, 4));
		shown(crop(image, "pattern", 50, 20, 11, 9));
		final java.nio.file.Path csv = dir.resolve("matches.csv"), report = dir.resolve("report.txt");
		IJ.runMacro(String.join("\n",
				"run(\"Match Template...\", \"image=field template=pattern matches=3 threshold=-1\");",
				"first = Table.size(\"Matches\");",
				"run(\"Match Template...\", \"image=field template=pattern matches=2 threshold=-1\");",
				"second = Table.size(\"Matches\");",
				"score = Table.get(\"Score\", 1, \"Matches\");",
				"Table.save(\"" + csv.toString().replace("\\", "/") + "\", \"Matches\");",
				"File.saveString(first + \" \" + second + \" \" + nResults + \" \" + d2s(score, 12), \"" + report.toString().replace("\\", "/") + "\");"));
		final String[] r = java.nio.file.Files.readString(report).trim().split(" ");
		assertEquals("3", r[0]);
		assertEquals("2", r[1], "a second run replaces the rows");
		assertEquals("0", r[2], "the matches are in Matches, not in Results");
		final MatchResult expected = TemplateMatching.run(image, WindowManager.getImage("pattern"), MatchSettings.fromMacroOptions("matches=2 threshold=-1"), null);
		final double second = expected.matches().get(1).score();
		assertEquals(second, Double.parseDouble(r[3]), 1e-9, "Table.get gives the score to a float's precision, not the display's 4 digits");
		final java.util.List< String > lines = java.nio.file.Files.readAllLines(csv);
		assertEquals(3, lines.size(), "header and two rows");
		final java.util.List< String > header = java.util.Arrays.asList(lines.get(0).split(","));
		final String saved = lines.get(2).split(",")[header.indexOf("Score")];
		assertEquals(second, Double.parseDouble(saved), Math.abs(second) * 1e-8, "the saved score keeps its digits: " + saved);
		assertTrue(saved.replaceAll("^-?\\d*\\.", "").length() >= 8, "at least 8 decimals saved: " + saved);
		int windows = 0;
		for (final java.awt.Window w : java.awt.Window.getWindows())
			if (w instanceof TextWindow && w.isDisplayable() && "Matches".equals(((TextWindow) w).getTitle()))
				windows++;
		assertTrue(windows <= 1, "one Matches window, not one per run: " + windows);
		// a threshold no window reaches: an empty table, and the Log says why (without
		// ImageJ's window, as here, IJ.log prints on the standard output)
		IJ.log("\\Clear");
		final java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
		final java.io.PrintStream stdout = System.out;
		System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			IJ.run(image, "Match Template...", "image=field template=pattern threshold=1.5");
		} finally {
			System.setOut(stdout);
		}
		assertEquals(0, ResultsTable.getResultsTable("Matches").size());
		final String log = printed.toString(java.nio.charset.StandardCharsets.UTF_8) + IJ.getLog();
		assertTrue(log.contains("Match Template: No window scored at least threshold=1.5; the best score is "), log);
	}

	@Test
	void theSelectionIsTheTemplateWhenTheMacroGivesNone() throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless());
		Interpreter.batchMode = true;
		final ImagePlus image = noise("cells", 64, 48, 2);
		image.setRoi(new Roi(30, 12, 9, 9));
		IJ.run(image, COMMAND, "method=sqdiff_normed boundary=reflect");
		final ResultsTable table = ResultsTable.getResultsTable("Matches");
		assertNotNull(table);
		assertEquals(30, table.getValue("BX", 0), 0);
		assertEquals(12, table.getValue("BY", 0), 0);
		assertEquals(0, table.getValue("Score", 0), 1e-6);
		assertNull(WindowManager.getImage("cells-scores"), "no score map unless asked");
		assertEquals(new Roi(30, 12, 9, 9).getBounds(), image.getRoi().getBounds(), "the selection stays");
	}

	@Test
	void errorsAreReportedAndCreateNothing() {
		assumeFalse(GraphicsEnvironment.isHeadless());
		Interpreter.batchMode = true;
		final ImagePlus image = shown(noise("small", 20, 16, 3));
		shown(noise("wide", 30, 5, 4));
		final Overlay overlay = new Overlay(new Roi(1, 1, 3, 3));
		image.setOverlay(overlay);
		final int images = WindowManager.getImageCount();
		final String[][] cases = { { "image=small score_map", "No template given" }, { "image=small template=[no such eye] score_map", "no such eye" },
				{ "image=small template=wide mode=valid score_map", "larger than the image" }, { "image=small template=wide method=[best guess]", "Unknown matching method" },
				{ "image=small template=wide matches=0", "matches= must be a whole number" } };
		final PrintStream out = System.out, err = System.err;
		for (final String[] c : cases) {
			final ByteArrayOutputStream log = new ByteArrayOutputStream();
			// without an ImageJ window the message goes to the error stream
			System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
			IJ.redirectErrorMessages(); // logged, not a modal dialog
			try {
				IJ.run(image, COMMAND, c[0]);
			} catch (final RuntimeException e) { // an error stops the calling macro
				assertEquals(Macro.MACRO_CANCELED, e.getMessage());
			} finally {
				System.setOut(out);
				System.setErr(err);
			}
			final String logged = log.toString(StandardCharsets.UTF_8);
			assertTrue(logged.contains("Match Template") && logged.contains(c[1]), c[0] + " logged: " + logged);
			assertEquals(images, WindowManager.getImageCount(), c[0]);
			assertNull(WindowManager.getImage("small-scores"), c[0]);
			assertEquals(1, image.getOverlay().size(), "the overlay is untouched");
			assertNull(ResultsTable.getResultsTable("Matches"), "no table");
		}
	}

	@Test
	void theDialogRecordsTheSpecKeys() throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless());
		final ImagePlus image = shown(noise("scene", 50, 40, 5));
		shown(crop(image, "object", 20, 10, 7, 7));
		final Recorder recorder = new Recorder(false);
		Recorder.record = true;
		final AtomicReference< Throwable > failure = new AtomicReference<>();
		final Thread user = new Thread(() -> {
			try {
				WindowManager.setTempCurrentImage(image);
				Recorder.setCommand(COMMAND);
				new MatchTemplatePlugin().run("");
				Recorder.saveCommand();
			} catch (final Throwable t) {
				failure.set(t);
			}
		}, "interactive");
		try {
			user.start();
			final GenericDialog gd = waitFor(() -> dialog("Match Template"));
			onEdt(() -> {
				((Choice) gd.getChoices().get(0)).select("scene");
				((Choice) gd.getChoices().get(1)).select("object");
				((Choice) gd.getChoices().get(2)).select("Correlation coefficient");
				((Choice) gd.getChoices().get(3)).select("valid");
				((Checkbox) gd.getCheckboxes().get(1)).setState(true); // score_map
				gd.actionPerformed(new ActionEvent(gd.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
			});
			finish(user, failure);
			final Matcher m = Pattern.compile("run\\(\"Match Template\\.\\.\\.\", \"(.*)\"\\);").matcher(recorder.getText());
			assertTrue(m.find(), recorder.getText());
			final String recorded = m.group(1);
			final MatchSettings settings = MatchSettings.fromMacroOptions(recorded);
			assertEquals("scene", settings.get(MatchSettings.IMAGE));
			assertEquals("object", settings.get(MatchSettings.TEMPLATE));
			assertEquals(MatchSettings.fromMacroOptions("image=scene template=object method=[Correlation coefficient] mode=valid score_map"), settings, recorded);
			for (final String key : new String[] { "image=", "template=", "method=", "mode=", "boundary=", "value=", "matches=", "threshold=", "min_distance=", "max_overlap=", "anchor=", "score_map" })
				assertTrue(recorded.contains(key), key + " in " + recorded);
			assertNotNull(waitFor(() -> WindowManager.getImage("scene-scores")));
			final ResultsTable table = ResultsTable.getResultsTable("Matches");
			assertEquals(20, table.getValue("BX", 0), 0);
			assertEquals(10, table.getValue("BY", 0), 0);
		} finally {
			Recorder.record = false;
			recorder.close();
		}
	}

	/**
	 * The article's example: the eye cut at x 670, y 300 (80x65) is found in
	 * the noisy face; the best match's anchor is the eye's pixel
	 * ((80-1)/2, (65-1)/2) = (39, 32) from that corner, i.e. (709, 332).
	 */
	@Test
	void theExampleMacroFindsTheRaccoonsEye() throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless());
		Interpreter.batchMode = true;
		final String macro = resource("/macros/template_matching.ijm");
		IJ.runMacro(macro);
		final ResultsTable table = ResultsTable.getResultsTable("Matches");
		assertNotNull(table, "the Matches table");
		assertEquals(709, table.getValue("X", 0), 2);
		assertEquals(332, table.getValue("Y", 0), 2);
		assertEquals(670, table.getValue("BX", 0), 2);
		assertEquals(300, table.getValue("BY", 0), 2);
		final ImagePlus face = WindowManager.getImage("face");
		final ImagePlus scores = WindowManager.getImage("face-scores");
		assertNotNull(face);
		assertNotNull(scores);
		assertLut(AfmHotLut.lut(), scores.getProcessor().getLut());
		assertEquals(1024, scores.getWidth());
		assertEquals(768, scores.getHeight());
		// the red dot on the best match, after the match's own marks
		final Overlay overlay = face.getOverlay();
		final Roi dot = overlay.get(overlay.size() - 1);
		assertEquals(Color.red, dot.getFillColor());
		assertEquals(table.getValue("X", 0), dot.getBounds().getCenterX(), 1);
		assertEquals(table.getValue("Y", 0), dot.getBounds().getCenterY(), 1);
		// the score map's highest value is the match
		final FloatProcessor s = (FloatProcessor) scores.getProcessor();
		assertEquals(s.getMax(), s.getf((int) table.getValue("X", 0), (int) table.getValue("Y", 0)), 0);
		// the article's plain correlation, on the way, peaks there too
		final FloatProcessor correlation = (FloatProcessor) WindowManager.getImage("face-eye-scores").getProcessor();
		int best = 0;
		for (int i = 1; i < correlation.getPixelCount(); i++)
			if (correlation.getf(i) > correlation.getf(best))
				best = i;
		assertEquals(709, best % 1024, 2);
		assertEquals(332, best / 1024, 2);
		// the seed makes the noise, and so the match, the same every run
		final float[] first = ((float[]) face.getProcessor().getPixels()).clone();
		closeEverything();
		Interpreter.batchMode = true;
		IJ.runMacro(macro);
		assertArrayEquals(first, (float[]) WindowManager.getImage("face").getProcessor().getPixels(), "same noise with the same seed");
	}

	// --- helpers

	private static ImagePlus noise(final String title, final int w, final int h, final long seed) {
		final Random random = new Random(seed);
		final float[] v = new float[w * h];
		for (int i = 0; i < v.length; i++)
			v[i] = 100 * random.nextFloat();
		return new ImagePlus(title, new FloatProcessor(w, h, v));
	}

	private static ImagePlus crop(final ImagePlus imp, final String title, final int x, final int y, final int w, final int h) {
		final FloatProcessor ip = (FloatProcessor) imp.getProcessor().duplicate();
		ip.setRoi(x, y, w, h);
		return new ImagePlus(title, ip.crop());
	}

	private static void plant(final ImagePlus imp, final ImagePlus template, final int x, final int y) {
		imp.getProcessor().insert(template.getProcessor(), x, y);
	}

	private static ImagePlus shown(final ImagePlus imp) {
		if (Interpreter.isBatchMode())
			Interpreter.addBatchModeImage(imp);
		else
			imp.show();
		return imp;
	}

	private static void assertLut(final LUT expected, final LUT actual) {
		for (int i = 0; i < 256; i++)
			assertEquals(expected.getRGB(i), actual.getRGB(i), "LUT entry " + i);
	}

	private static String resource(final String path) throws IOException {
		try (InputStream in = MatchTemplatePluginTest.class.getResourceAsStream(path)) {
			assertNotNull(in, path);
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static List< String[] > pluginsConfig() throws IOException {
		final List< String[] > entries = new ArrayList<>();
		try (InputStream in = MatchTemplatePluginTest.class.getResourceAsStream("/plugins.config")) {
			assertNotNull(in, "plugins.config is at the root of the class path (and so of the jar)");
			final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = r.readLine()) != null) {
				if (line.trim().isEmpty() || line.startsWith("#"))
					continue;
				final Matcher m = CONFIG_LINE.matcher(line);
				assertTrue(m.matches(), "plugins.config line: " + line);
				entries.add(new String[] { m.group(1), m.group(2), m.group(3) });
			}
		}
		return entries;
	}
}
