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

import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.GraphicsEnvironment;
import java.awt.TextField;
import java.awt.event.ActionEvent;
import java.awt.event.ItemEvent;
import java.awt.event.TextEvent;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import io.github.convolvej.core.Operation;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;

/**
 * The ImageJ 1 plugins as users run them: {@code IJ.run} with macro options,
 * the dialog with its preview, and the Recorder. ImageJ 1 builds AWT menus,
 * so these tests need a display (run under {@code xvfb-run}); they are
 * skipped without one. The commands are registered from the
 * {@code plugins.config} the jar ships.
 */
class FilterPluginTest {

	private static final Pattern CONFIG_LINE = Pattern.compile("^(\\S[^,]*),\\s*\"([^\"]+)\",\\s*(\\S+)\\s*$");

	@BeforeAll
	static void registerCommands() throws Exception {
		if (GraphicsEnvironment.isHeadless())
			return;
		if (IJ.getInstance() == null)
			new ImageJ(ImageJ.NO_SHOW); // ImageJ as users run it, its main window hidden
		for (final String[] entry : pluginsConfig())
			Menus.getCommands().put(entry[1], entry[2]);
	}

	@AfterEach
	void closeImages() {
		if (!GraphicsEnvironment.isHeadless())
			for (final int id : ids()) { // batch-mode images too, before leaving batch mode
				final ImagePlus imp = WindowManager.getImage(id);
				if (imp != null) {
					imp.changes = false;
					imp.close();
				}
			}
		Interpreter.batchMode = false;
	}

	/** Before OK, the dialog says when the result would not fit in memory, and where a folder result goes. */
	@Test
	void theDialogSaysWhenTheResultWouldNotFit() {
		final FilterSettings plain = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=laplace");
		assertEquals("", FilterPlugin.memoryNote(new ImagePlus("small", new ij.process.FloatProcessor(64, 64)), plain));
		// a 40000 x 40000 x 1000 stack (6.4 TB as 32-bit), as a virtual stack may be
		final String note = FilterPlugin.memoryNote(40000, 40000, 1000, plain);
		assertTrue(note.contains("would not fit") && note.contains("Output folder"), note);
		final FilterSettings toFolder = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=laplace output_folder=[/data/out] output_format=Zarr");
		assertTrue(FilterPlugin.memoryNote(40000, 40000, 1000, toFolder).contains("Written plane by plane to /data/out (Zarr)"));
	}

	@Test
	void pluginsConfigNamesExistingPlugins() throws Exception {
		final List< String[] > entries = pluginsConfig();
		final List< String > names = new ArrayList<>();
		for (final String[] e : entries) {
			assertTrue(e[0].equals("Plugins>ConvolveJ") || e[0].startsWith("Plugins>ConvolveJ>"), e[0]);
			names.add(e[1]);
			// a target may carry the plugin's argument: Class("arg")
			final int paren = e[2].indexOf('(');
			final Class< ? > c = Class.forName(paren < 0 ? e[2] : e[2].substring(0, paren));
			assertTrue(PlugIn.class.isAssignableFrom(c), e[2]);
			c.getConstructor().newInstance();
		}
		assertTrue(names.contains("Convolve ND..."), names.toString());
		assertTrue(names.contains("Correlate ND..."), names.toString());
	}

	@Test
	void macroOptionsRunTheFilter() throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless());
		final ImagePlus imp = source("ramp");
		final byte[] before = ((byte[]) imp.getProcessor().getPixels()).clone();
		final String options = "kernel=[0 1 0; 1 -4 1; 0 1 0] mode=full boundary=symm value=0 anchor=center output=32-bit";
		IJ.run(imp, "Convolve ND...", options);
		final ImagePlus result = waitFor(() -> WindowManager.getImage("ramp-convolved"));
		assertTrue(result.isVisible(), "the result is shown");
		assertSameImage(expected(imp, Operation.CONVOLVE, options), result, options);
		assertArrayEquals(before, (byte[]) imp.getProcessor().getPixels());
		assertEquals("ramp", imp.getTitle());
	}

	@Test
	void specMacroExamplesRunInBatchMode() {
		assumeFalse(GraphicsEnvironment.isHeadless());
		Interpreter.batchMode = true;
		final String[][] runs = {
				{ "Correlate ND...", "kernel=[0 -1 1.4142; 1 0 -1; -1.4142 1 0] mode=full boundary=fill value=0" },
				{ "Convolve ND...", "kernel=scharr complex=Magnitude" },
				{ "Convolve ND...", "kernel=[box(3)] normalize output=[Same as input]" },
				{ "Convolve ND...", "kernel=gaussian(1.5) boundary=reflect algorithm=Separable" },
				{ "Correlate ND...", "kernel=sobel-x complex=All" } };
		for (final String[] run : runs) {
			final ImagePlus imp = source("blob");
			IJ.run(imp, run[0], run[1]);
			final Operation op = run[0].startsWith("Convolve") ? Operation.CONVOLVE : Operation.CORRELATE;
			final ImagePlus result = WindowManager.getImage("blob-" + op.pastTense());
			assertNotNull(result, run[1]);
			assertSameImage(expected(imp, op, run[1]), result, run[1]);
			result.changes = false;
			result.close();
			imp.close();
		}
		// a kernel image is found by its title among the batch-mode images
		final ImagePlus psf = new ImagePlus("psf 3x2", new ij.process.FloatProcessor(3, 2, new float[] { 1, 0, -1, 2, 0, -2 }));
		psf.show();
		final ImagePlus imp = source("blob");
		final String options = "kernel_image=[psf 3x2] mode=valid anchor=[0,1]";
		IJ.run(imp, "Convolve ND...", options);
		final ImagePlus result = WindowManager.getImage("blob-convolved");
		assertNotNull(result, options);
		assertSameImage(expected(imp, Operation.CONVOLVE, options), result, options);
		org.junit.jupiter.api.Assertions.assertEquals(21, result.getWidth());
	}

	@Test
	void errorsCreateNoImage() {
		assumeFalse(GraphicsEnvironment.isHeadless());
		Interpreter.batchMode = true;
		final ImagePlus imp = source("flat");
		final byte[] before = ((byte[]) imp.getProcessor().getPixels()).clone();
		final String[][] cases = { { "kernel=[1 2; 3]", "row" }, { "kernel=laplace kernel_image=[no such image]", "no such image" },
				{ "kernel=[1 2 3; 4 5 6 | 1 2 3; 4 5 6]", "spatial axes" }, { "kernel=laplace boundary=sideways", "Unknown boundary" },
				{ "kernel=[box(30)] mode=valid", "mode=valid" } };
		for (final String[] c : cases) {
			IJ.log("\\Clear");
			IJ.redirectErrorMessages(); // logged, not a modal dialog
			try {
				IJ.run(imp, "Convolve ND...", c[0]);
			} catch (final RuntimeException e) { // an error stops the calling macro
				assertEquals(Macro.MACRO_CANCELED, e.getMessage());
			}
			final String logged = String.valueOf(IJ.getLog());
			assertTrue(logged.contains(c[1]), c[0] + " logged: " + logged);
			for (final int id : ids()) // the source may be listed, nothing else
				assertTrue(WindowManager.getImage(id) == imp, c[0] + " made " + WindowManager.getImage(id));
		}
		assertArrayEquals(before, (byte[]) imp.getProcessor().getPixels());
	}

	@Test
	void dialogRecordsSpecKeysAndThePreviewFollowsIt() throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless());
		final ImagePlus imp = source("dialog");
		final Recorder recorder = new Recorder(false);
		Recorder.record = true;
		final AtomicReference< Throwable > failure = new AtomicReference<>();
		final Thread user = new Thread(() -> {
			try {
				WindowManager.setTempCurrentImage(imp);
				Recorder.setCommand("Convolve ND...");
				new ConvolveNdPlugin().run("");
				Recorder.saveCommand();
			} catch (final Throwable t) {
				failure.set(t);
			}
		}, "interactive");
		try {
			user.start();
			final GenericDialog gd = waitFor(() -> dialog("Convolve ND"));
			final TextField kernel = (TextField) gd.getStringFields().get(0);
			onEdt(() -> {
				kernel.setText("0 1 0; 1 -4 1; 0 1 0");
				gd.textValueChanged(new TextEvent(kernel, TextEvent.TEXT_VALUE_CHANGED));
				final Choice mode = (Choice) gd.getChoices().get(1);
				mode.select("full");
				gd.itemStateChanged(new ItemEvent(mode, ItemEvent.ITEM_STATE_CHANGED, "full", ItemEvent.SELECTED));
				final Checkbox preview = gd.getPreviewCheckbox();
				preview.setState(true);
				gd.itemStateChanged(new ItemEvent(preview, ItemEvent.ITEM_STATE_CHANGED, "Preview", ItemEvent.SELECTED));
			});
			final String options = "kernel=[0 1 0; 1 -4 1; 0 1 0] mode=full";
			final ImagePlus preview = waitFor(() -> WindowManager.getImage("dialog-convolved (preview)"));
			final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, options);
			assertArrayEquals(pixels(ImageFilter.preview(imp, s, s.kernel(null), null).getProcessor()), pixels(preview.getProcessor()));

			onEdt(() -> gd.actionPerformed(new ActionEvent(gd.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK")));
			finish(user, failure);
			assertNull(WindowManager.getImage("dialog-convolved (preview)"), "the preview closes with the dialog");
			final ImagePlus result = WindowManager.getImage("dialog-convolved");
			assertNotNull(result);
			assertSameImage(expected(imp, Operation.CONVOLVE, options), result, options);

			final Matcher m = Pattern.compile("run\\(\"Convolve ND\\.\\.\\.\", \"(.*)\"\\);").matcher(recorder.getText());
			assertTrue(m.find(), recorder.getText());
			final String recorded = m.group(1);
			assertEquals("kernel=[0 1 0; 1 -4 1; 0 1 0] kernel_image=<none> mode=full boundary=symm value=0 anchor=center output=32-bit complex=Magnitude algorithm=Auto precision=float nan=Propagate mask=<none> output_folder=[] output_format=[TIFF planes]", recorded);
			assertEquals(s, FilterSettings.fromMacroOptions(Operation.CONVOLVE, recorded));
		} finally {
			Recorder.record = false;
			recorder.close();
		}
	}

	@Test
	void cancelRemovesThePreviewAndCreatesNothing() throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless());
		final ImagePlus imp = source("cancelled");
		final byte[] before = ((byte[]) imp.getProcessor().getPixels()).clone();
		final Thread user = new Thread(() -> {
			WindowManager.setTempCurrentImage(imp);
			new CorrelateNdPlugin().run("");
		}, "interactive");
		user.start();
		final GenericDialog gd = waitFor(() -> dialog("Correlate ND"));
		onEdt(() -> {
			final TextField kernel = (TextField) gd.getStringFields().get(0);
			kernel.setText("sobel-y");
			gd.textValueChanged(new TextEvent(kernel, TextEvent.TEXT_VALUE_CHANGED));
			final Checkbox preview = gd.getPreviewCheckbox();
			preview.setState(true);
			gd.itemStateChanged(new ItemEvent(preview, ItemEvent.ITEM_STATE_CHANGED, "Preview", ItemEvent.SELECTED));
		});
		assertNotNull(waitFor(() -> WindowManager.getImage("cancelled-correlated (preview)")));
		final Button cancel = gd.getButtons()[1];
		onEdt(() -> gd.actionPerformed(new ActionEvent(cancel, ActionEvent.ACTION_PERFORMED, "Cancel")));
		finish(user, new AtomicReference<>());
		assertNull(WindowManager.getImage("cancelled-correlated (preview)"));
		assertNull(WindowManager.getImage("cancelled-correlated"));
		assertArrayEquals(before, (byte[]) imp.getProcessor().getPixels());
	}

	// --- images, settings and comparisons

	/** An 8-bit test image, shown in batch mode so macros find it. */
	private static ImagePlus source(final String title) {
		final ByteProcessor bp = new ByteProcessor(23, 17);
		for (int y = 0; y < 17; y++)
			for (int x = 0; x < 23; x++)
				bp.set(x, y, (x * 11 + y * 7 + (x * y) % 13) % 256);
		return new ImagePlus(title, bp);
	}

	/** What the bridge makes of these options: the plugin must give exactly this. */
	private static ImagePlus expected(final ImagePlus imp, final Operation op, final String options) {
		final FilterSettings s = FilterSettings.fromMacroOptions(op, options);
		return ImageFilter.apply(imp, s, s.kernel(WindowManager::getImage), null);
	}

	private static void assertSameImage(final ImagePlus expected, final ImagePlus actual, final String what) {
		assertEquals(expected.getTitle(), actual.getTitle(), what);
		assertArrayEquals(expected.getDimensions(), actual.getDimensions(), what);
		assertEquals(expected.getBitDepth(), actual.getBitDepth(), what);
		for (int i = 1; i <= actual.getStackSize(); i++)
			assertArrayEquals(pixels(expected.getStack().getProcessor(i)), pixels(actual.getStack().getProcessor(i)), what + " plane " + i);
	}

	private static float[] pixels(final ImageProcessor ip) {
		final float[] v = new float[ip.getPixelCount()];
		for (int i = 0; i < v.length; i++)
			v[i] = ip instanceof ij.process.ColorProcessor ? ip.get(i) : ip.getf(i);
		return v;
	}

	private static int[] ids() {
		final int[] ids = WindowManager.getIDList();
		return ids == null ? new int[0] : ids;
	}

	static List< String[] > pluginsConfig() throws Exception {
		final List< String[] > entries = new ArrayList<>();
		try (InputStream in = FilterPluginTest.class.getResourceAsStream("/plugins.config")) {
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
