package io.github.convolvej.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;

/** The commands in a plain SciJava context, as scripts and headless pipelines run them. */
class FilterCommandTest {

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void theIndexFindsBothCommandsWithoutMenus() {
		final PluginIndex index = new PluginIndex();
		index.discover();
		final List< String > names = index.getPlugins(Command.class).stream().map(PluginInfo::getClassName).collect(Collectors.toList());
		assertTrue(names.contains(ConvolveNdCommand.class.getName()), names.toString());
		assertTrue(names.contains(CorrelateNdCommand.class.getName()), names.toString());
		for (final Class< ? > c : new Class< ? >[] { ConvolveNdCommand.class, CorrelateNdCommand.class }) {
			final CommandInfo info = commands.getCommand(c.getName());
			assertNotNull(info, c.getName());
			assertTrue(info.canRunHeadless());
			assertTrue(info.getMenuPath() == null || info.getMenuPath().isEmpty(), "no second menu entry beside the ImageJ 1 plugin");
		}
	}

	@Test
	void parametersAreTheMacroKeys() {
		final CommandInfo info = commands.getCommand(ConvolveNdCommand.class);
		final List< String > inputs = names(info.inputs());
		assertEquals(List.of("image", "kernel", "kernel_image", "mode", "boundary", "value", "anchor", "normalize", "output", "complex", "algorithm", "precision", "nan", "mask", "preserve_nan", "certainty", "scaled", "output_folder", "output_format"), inputs);
		assertEquals(List.of("result", "certainty_image"), names(info.outputs()));
		// nothing remembered between runs: a script's result never depends on an earlier one
		info.inputs().forEach(i -> assertFalse(i.isPersisted(), i.getName()));
	}

	@Test
	void sameNumbersAsTheImageJFilter() throws Exception {
		final ImagePlus imp = new ImagePlus("in", bytes(9, 8));
		final ImagePlus psf = new ImagePlus("psf", new FloatProcessor(3, 2, new float[] { 1, -2, 0.5f, 3, 0, -1 }));
		final CommandModule m = commands.run(CorrelateNdCommand.class, true, "image", imp, "kernel_image", psf, "mode", "full", "boundary", "reflect", "anchor", "[0,1]", "normalize", true).get();
		final ImagePlus result = (ImagePlus) m.getOutput("result");
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CORRELATE, "kernel_image=psf mode=full boundary=symm anchor=[0,1] normalize");
		final Kernel k = s.kernel(t -> psf);
		final ImagePlus expected = ImageFilter.apply(imp, s, k, null);
		assertEquals("in-correlated", result.getTitle());
		assertArrayEquals(expected.getDimensions(), result.getDimensions());
		assertArrayEquals((float[]) expected.getProcessor().getPixels(), (float[]) result.getProcessor().getPixels());
		assertEquals(expected.getCalibration().xOrigin, result.getCalibration().xOrigin);
	}

	@Test
	void missingDataAndScaledUnits() throws Exception {
		final ImagePlus imp = new ImagePlus("in", new FloatProcessor(9, 8));
		for (int i = 0; i < 72; i++)
			imp.getProcessor().setf(i, i % 13);
		imp.getProcessor().setf(20, Float.NaN);
		imp.getCalibration().pixelWidth = imp.getCalibration().pixelHeight = 0.5;
		imp.getCalibration().setUnit("micron");
		final ImagePlus mask = new ImagePlus("mask", new ij.process.ByteProcessor(9, 8));
		mask.getProcessor().setValue(1);
		mask.getProcessor().fill();
		mask.getProcessor().set(3, 3, 0);
		final CommandModule m = commands.run(ConvolveNdCommand.class, true, "image", imp, "kernel", "gaussian(0.5)", "scaled", true, "nan", "Interpolate", "mask", mask, "certainty", true, "preserve_nan", true).get();
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=[gaussian(0.5)] scaled nan=Interpolate mask=mask certainty preserve_nan");
		final List< ImagePlus > expected = ImageFilter.applyAll(imp, s, s.kernel(null, imp), mask, null);
		assertArrayEquals((float[]) expected.get(0).getProcessor().getPixels(), (float[]) ((ImagePlus) m.getOutput("result")).getProcessor().getPixels());
		assertArrayEquals((float[]) expected.get(1).getProcessor().getPixels(), (float[]) ((ImagePlus) m.getOutput("certainty_image")).getProcessor().getPixels());
		assertTrue(Float.isNaN(((ImagePlus) m.getOutput("result")).getProcessor().getf(3, 3)), "preserve_nan: the masked pixel");
		assertEquals(9, s.kernel(null, imp).dimension(0), "sigma 0.5 um on 0.5 um pixels is 1 pixel: radius 4");
	}

	@Test
	void convolveAndSameAsInput() throws Exception {
		final ImagePlus imp = new ImagePlus("in", bytes(6, 5));
		final ImagePlus psf = new ImagePlus("psf", new FloatProcessor(2, 2, new float[] { 1, 2, 3, 4 }));
		final ImagePlus result = (ImagePlus) commands.run(ConvolveNdCommand.class, true, "image", imp, "kernel_image", psf, "output", "Same as input", "boundary", "constant", "value", 9.0).get().getOutput("result");
		final FilterSettings s = FilterSettings.builder(Operation.CONVOLVE).parse(FilterSettings.KERNEL_IMAGE, "psf").parse(FilterSettings.OUTPUT, "Same as input").parse(FilterSettings.BOUNDARY, "fill").set(FilterSettings.VALUE, 9.0).build();
		final ImagePlus expected = ImageFilter.apply(imp, s, s.kernel(t -> psf), null);
		assertEquals("in-convolved", result.getTitle());
		assertEquals(8, result.getBitDepth());
		assertArrayEquals((byte[]) expected.getProcessor().getPixels(), (byte[]) result.getProcessor().getPixels());
	}

	@Test
	void missingInputsStopWithAMessage() throws Exception {
		final LogService log = context.getService(LogService.class);
		final int level = log.getLevel();
		log.setLevel(LogLevel.NONE); // the failures below are expected: keep them out of the build log
		try {
			expectFailures();
		} finally {
			log.setLevel(level);
		}
	}

	private void expectFailures() throws Exception {
		// SciJava itself cancels a run whose required image is unset, saying so
		final CommandModule m = commands.run(ConvolveNdCommand.class, true, "kernel", "laplace").get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("'image'"), m.getCancelReason());
		// and run() checks again for callers that bypass the module machinery
		final IllegalArgumentException direct = assertThrows(IllegalArgumentException.class, () -> new ConvolveNdCommand().run());
		assertTrue(direct.getMessage().contains("'image'"), direct.getMessage());
		ExecutionException e = assertThrows(ExecutionException.class, () -> commands.run(ConvolveNdCommand.class, true, "image", new ImagePlus("in", bytes(4, 4))).get());
		assertTrue(message(e).contains("No kernel given"), message(e));
		final ImagePlus psf = new ImagePlus("psf", new FloatProcessor(2, 2));
		e = assertThrows(ExecutionException.class, () -> commands.run(ConvolveNdCommand.class, true, "image", new ImagePlus("in", bytes(4, 4)), "kernel_image", psf, "boundary", "sideways").get());
		assertTrue(message(e).contains("Unknown boundary"), message(e));
	}

	@Test
	void theSourceIsUnchanged() throws Exception {
		final ByteProcessor bp = bytes(5, 5);
		final byte[] before = ((byte[]) bp.getPixels()).clone();
		final ImagePlus imp = new ImagePlus("in", bp);
		final ImagePlus psf = new ImagePlus("psf", new FloatProcessor(3, 3, new float[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 }));
		final CommandModule m = commands.run(ConvolveNdCommand.class, true, "image", imp, "kernel_image", psf).get();
		assertFalse(m.isCanceled());
		assertArrayEquals(before, (byte[]) imp.getProcessor().getPixels());
		assertNull(imp.getProperty("changed"));
	}

	private static String message(final Throwable e) {
		Throwable t = e;
		while (t.getCause() != null)
			t = t.getCause();
		return String.valueOf(t.getMessage());
	}

	private static List< String > names(final Iterable< ModuleItem< ? > > items) {
		final List< String > n = new java.util.ArrayList<>();
		items.forEach(i -> n.add(i.getName()));
		return n;
	}

	private static ByteProcessor bytes(final int w, final int h) {
		final ByteProcessor bp = new ByteProcessor(w, h);
		for (int i = 0; i < w * h; i++)
			bp.set(i, (i * 37 + 11) % 256);
		return bp;
	}
}
