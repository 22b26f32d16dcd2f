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
import java.awt.GraphicsEnvironment;
import java.awt.TextField;
import java.awt.event.ActionEvent;
import java.awt.event.ItemEvent;
import java.awt.event.TextEvent;
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
import ij.measure.Calibration;
import ij.plugin.frame.Recorder;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import io.github.convolvej.core.Operation;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;

/**
 * The missing-data and scaled-units keys as users meet them: macros, the
 * dialog's new fields with their preview and recording, the log line of
 * {@code scaled}, and refusals that create no image. Needs a display (run
 * under {@code xvfb-run}); skipped without one.
 */
class MissingDataPluginTest {

	@BeforeAll
	static void registerCommands() throws Exception {
		if (GraphicsEnvironment.isHeadless())
			return;
		if (IJ.getInstance() == null)
			new ImageJ(ImageJ.NO_SHOW);
		for (final String[] entry : FilterPluginTest.pluginsConfig())
			Menus.getCommands().put(entry[1], entry[2]);
	}

	@AfterEach
	void closeImages() {
		if (GraphicsEnvironment.isHeadless())
			return;
		for (final int id : ids()) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (imp != null) {
				imp.changes = false;
				imp.close();
			}
		}
		Interpreter.batchMode = false;
	}

	/** 32-bit, NaN in a few pixels, shown in batch mode so macros find it. */
	private static ImagePlus holes(final String title) {
		final FloatProcessor fp = new FloatProcessor(21, 16);
		for (int y = 0; y < 16; y++)
			for (int x = 0; x < 21; x++)
				fp.setf(x, y, (x * 13 + y * 7) % 31);
		fp.setf(5, 5, Float.NaN);
		fp.setf(6, 5, Float.NaN);
		fp.setf(20, 0, Float.NaN);
		final ImagePlus imp = new ImagePlus(title, fp);
		imp.show();
		return imp;
	}

	private static ImagePlus mask(final String title, final int w, final int h) {
		final ByteProcessor bp = new ByteProcessor(w, h);
		bp.setValue(255);
		bp.fill();
		bp.set(10, 10, 0);
		bp.set(0, 15 % h, 0);
		final ImagePlus imp = new ImagePlus(title, bp);
		imp.show();
		return imp;
	}

	private static void calibrate(final ImagePlus imp) {
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = cal.pixelHeight = 0.25;
		cal.setUnit("micron");
	}

	@Test
	void macroWithMaskAndCertainty() {
		assumeFalse(GraphicsEnvironment.isHeadless());
		Interpreter.batchMode = true;
		final ImagePlus imp = holes("holes");
		final ImagePlus mask = mask("dead", 21, 16);
		final float[] before = ((float[]) imp.getProcessor().getPixels()).clone();
		final String options = "kernel=[gaussian(1)] boundary=fill value=NaN nan=Interpolate mask=dead certainty";
		IJ.run(imp, "Convolve ND...", options);
		final ImagePlus result = WindowManager.getImage("holes-convolved");
		final ImagePlus certainty = WindowManager.getImage("holes-certainty");
		assertNotNull(result, "result shown");
		assertNotNull(certainty, "certainty shown");
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, options);
		final List< ImagePlus > expected = ImageFilter.applyAll(imp, s, s.kernel(null, imp), mask, null);
		assertArrayEquals(pixels(expected.get(0).getProcessor()), pixels(result.getProcessor()));
		assertArrayEquals(pixels(expected.get(1).getProcessor()), pixels(certainty.getProcessor()));
		assertArrayEquals(before, (float[]) imp.getProcessor().getPixels(), 0f);
	}

	@Test
	void scaledRunsLogTheKernelInPixels() {
		assumeFalse(GraphicsEnvironment.isHeadless());
		Interpreter.batchMode = true;
		final ImagePlus imp = holes("calibrated");
		calibrate(imp);
		IJ.log("\\Clear");
		IJ.run(imp, "Convolve ND...", "kernel=[gaussian(0.5)] scaled nan=Interpolate");
		assertNotNull(WindowManager.getImage("calibrated-convolved"));
		final String log = String.valueOf(IJ.getLog());
		assertTrue(log.contains("Convolve ND, scaled: gaussian(0.5) \u00b5m on pixels of 0.25 x 0.25 \u00b5m = gaussian(2, 2) pixels, kernel 17 x 17"), log);
	}

	@Test
	void badInputCreatesNoImage() {
		assumeFalse(GraphicsEnvironment.isHeadless());
		Interpreter.batchMode = true;
		final ImagePlus imp = holes("plain");
		mask("small", 20, 16);
		final String[][] cases = { { "kernel=[box(3)] mask=small", "same width, height and depth" }, { "kernel=laplace nan=Interpolate", "sum to 0" },
				{ "kernel=[gaussian(2)] scaled", "Analyze > Set Scale" }, { "kernel=[box(3)] mask=[not open]", "no open image titled 'not open'" },
				{ "kernel=[box(3)] nan=maybe", "Interpolate" } };
		for (final String[] c : cases) {
			final int before = ids().length;
			IJ.log("\\Clear");
			IJ.redirectErrorMessages();
			try {
				IJ.run(imp, "Convolve ND...", c[0]);
			} catch (final RuntimeException e) {
				assertEquals(Macro.MACRO_CANCELED, e.getMessage());
			}
			final String logged = String.valueOf(IJ.getLog());
			assertTrue(logged.contains(c[1]), c[0] + " logged: " + logged);
			assertEquals(before, ids().length, c[0] + " made no image");
		}
	}

	@Test
	void dialogFieldsRecordAndPreview() throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless());
		final ImagePlus imp = holes("dialog");
		calibrate(imp);
		final ImagePlus mask = mask("m", 21, 16);
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
			Thread.sleep(500); // the dialog settles before the user types
			onEdt(() -> {
				final TextField kernel = (TextField) gd.getStringFields().get(0);
				kernel.setText("gaussian(0.5)");
				gd.textValueChanged(new TextEvent(kernel, TextEvent.TEXT_VALUE_CHANGED));
				// the dialog starts from the last one's settings: set what this test depends on
				select(gd, (Choice) gd.getChoices().get(1), "same");
				select(gd, (Choice) gd.getChoices().get(2), "symm");
				select(gd, (Choice) gd.getChoices().get(7), "Interpolate");
				select(gd, (Choice) gd.getChoices().get(8), "m");
				check(gd, (Checkbox) gd.getCheckboxes().get(3));
				check(gd, gd.getPreviewCheckbox());
			});
			final String options = "kernel=[gaussian(0.5)] nan=Interpolate mask=m scaled";
			final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, options);
			final float[] expected = pixels(ImageFilter.preview(imp, s, s.kernel(null, imp), mask, null).getProcessor());
			final ImagePlus preview = waitFor(() -> {
				final ImagePlus p = WindowManager.getImage("dialog-convolved (preview)");
				return p != null && java.util.Arrays.equals(expected, pixels(p.getProcessor())) ? p : null;
			});
			assertNotNull(preview);
			assertTrue(info(gd).contains("Scaled: gaussian(0.5)"), info(gd));
			onEdt(() -> gd.actionPerformed(new ActionEvent(gd.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK")));
			finish(user, failure);
			assertNull(WindowManager.getImage("dialog-convolved (preview)"));
			final Matcher m = Pattern.compile("run\\(\"Convolve ND\\.\\.\\.\", \"(.*)\"\\);").matcher(recorder.getText());
			assertTrue(m.find(), recorder.getText());
			assertTrue(m.group(1).endsWith("nan=Interpolate mask=m scaled output_folder=[] output_format=[TIFF planes]"), m.group(1));
			assertEquals(s, FilterSettings.fromMacroOptions(Operation.CONVOLVE, m.group(1)).toBuilder().set(FilterSettings.KERNEL_IMAGE, (String) null).build());
			assertTrue(recorder.getText().contains("// Convolve ND, scaled: gaussian(0.5) \u00b5m on pixels of 0.25 x 0.25 \u00b5m = gaussian(2, 2) pixels"), recorder.getText());
		} finally {
			Recorder.record = false;
			recorder.close();
		}
	}

	private static void select(final GenericDialog gd, final Choice choice, final String item) {
		choice.select(item);
		gd.itemStateChanged(new ItemEvent(choice, ItemEvent.ITEM_STATE_CHANGED, item, ItemEvent.SELECTED));
	}

	private static void check(final GenericDialog gd, final Checkbox box) {
		box.setState(true);
		gd.itemStateChanged(new ItemEvent(box, ItemEvent.ITEM_STATE_CHANGED, box.getLabel(), ItemEvent.SELECTED));
	}

	private static float[] pixels(final ImageProcessor ip) {
		final float[] v = new float[ip.getPixelCount()];
		for (int i = 0; i < v.length; i++)
			v[i] = ip.getf(i);
		return v;
	}

	private static String info(final java.awt.Container c) {
		final StringBuilder sb = new StringBuilder();
		for (final java.awt.Component k : c.getComponents()) {
			if (k instanceof java.awt.TextArea)
				sb.append(((java.awt.TextArea) k).getText());
			if (k instanceof java.awt.Container)
				sb.append(info((java.awt.Container) k));
		}
		return sb.toString();
	}

	private static int[] ids() {
		final int[] ids = WindowManager.getIDList();
		return ids == null ? new int[0] : ids;
	}

}
