package io.github.convolvej.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.scijava.module.ModuleItem;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;
import io.github.convolvej.ij.MatchResult;
import io.github.convolvej.ij.MatchSettings;
import io.github.convolvej.ij.TemplateMatching;

/** Match Template in a plain SciJava context, as scripts and headless pipelines run it. */
class MatchTemplateCommandTest {

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
	void theIndexFindsTheCommandWithoutAMenuEntry() {
		final PluginIndex index = new PluginIndex();
		index.discover();
		final List< String > names = index.getPlugins(Command.class).stream().map(PluginInfo::getClassName).collect(Collectors.toList());
		assertTrue(names.contains(MatchTemplateCommand.class.getName()), names.toString());
		final CommandInfo info = commands.getCommand(MatchTemplateCommand.class.getName());
		assertNotNull(info);
		assertTrue(info.canRunHeadless());
		assertTrue(info.getMenuPath() == null || info.getMenuPath().isEmpty(), "no second menu entry beside the ImageJ 1 plugin");
	}

	@Test
	void parametersAreTheMacroKeys() {
		final CommandInfo info = commands.getCommand(MatchTemplateCommand.class);
		assertEquals(List.of("image", "template", "method", "mode", "boundary", "value", "matches", "threshold", "min_distance", "max_overlap", "anchor", "subpixel", "score_map", "add_to_manager", "templates", "mask", "rotations", "flip", "angles"), names(info.inputs()));
		assertEquals(new java.util.TreeSet<>(MatchSettings.KEYS), new java.util.TreeSet<>(names(info.inputs())), "one parameter per macro key: the command reads them by name");
		assertEquals(List.of("result", "table", "note"), names(info.outputs()));
		info.inputs().forEach(i -> assertFalse(i.isPersisted(), i.getName() + " is not remembered between runs"));
	}

	@Test
	void sameMatchesAndScoresAsTheMacroOptions() throws Exception {
		final ImagePlus image = noise("field", 70, 50, 1);
		final ImagePlus template = crop(image, "pattern", 40, 20, 9, 7);
		final CommandModule m = commands.run(MatchTemplateCommand.class, true, "image", image, "template", template, "method", "Correlation coefficient", "boundary", "reflect", "matches", 3,
				"min_distance", 5.0, "threshold", -1e9, "subpixel", true, "score_map", true).get();
		final ImagePlus scores = (ImagePlus) m.getOutput("result");
		final ResultsTable table = (ResultsTable) m.getOutput("table");

		final MatchSettings same = MatchSettings.fromMacroOptions("image=field template=pattern method=[Correlation coefficient] boundary=symm matches=3 min_distance=5 threshold=-1e9 subpixel score_map");
		final MatchResult expected = TemplateMatching.run(image, template, same, null);
		assertEquals("field-scores", scores.getTitle());
		assertArrayEquals((float[]) expected.scoreMap().getProcessor().getPixels(), (float[]) scores.getProcessor().getPixels());
		assertEquals(3, table.size());
		final ResultsTable reference = expected.toTable();
		for (final String column : new String[] { "X", "Y", "BX", "BY", "Width", "Height", "Score" })
			for (int row = 0; row < 3; row++)
				assertEquals(reference.getValue(column, row), table.getValue(column, row), 0, column + " " + row);
		assertEquals(3 * 3, image.getOverlay().size(), "the matches are drawn on the image");
		assertNull(m.getOutput("note"), "nothing to note");
		// a threshold no window reaches: an empty table and a note with the best score
		final CommandModule none = commands.run(MatchTemplateCommand.class, true, "image", image, "template", template, "threshold", 1.5).get();
		assertEquals(0, ((ResultsTable) none.getOutput("table")).size());
		final String note = (String) none.getOutput("note");
		assertTrue(note != null && note.startsWith("No window scored at least threshold=1.5; the best score is "), note);
	}

	/** Several templates, turns and mirrors as parameters give the table the macro keys give. */
	@Test
	void severalTurnedTemplatesAsParameters() throws Exception {
		final ImagePlus image = noise("field", 70, 50, 5);
		final ImagePlus a = crop(image, "a", 10, 10, 9, 7), b = crop(image, "b", 40, 30, 8, 8);
		final ImagePlus mirroredB = new ImagePlus("b-mirrored", b.getProcessor().duplicate());
		mirroredB.getProcessor().flipHorizontal();
		final CommandModule m = commands.run(MatchTemplateCommand.class, true, "image", image, "template", a, "templates", new ImagePlus[] { mirroredB }, "matches", 2,
				"rotations", "[0,90,180,270]", "flip", "Horizontal", "threshold", 0.99).get();
		final ResultsTable table = (ResultsTable) m.getOutput("table");
		final MatchSettings same = MatchSettings.fromMacroOptions("image=field template=a templates=[b-mirrored] matches=2 rotations=[0,90,180,270] flip=Horizontal threshold=0.99");
		final ResultsTable reference = TemplateMatching.run(image, java.util.List.of(a, mirroredB), null, same, null).toTable();
		assertEquals(2, table.size());
		for (final String column : new String[] { "BX", "BY", "Score", "Angle" })
			for (int row = 0; row < 2; row++)
				assertEquals(reference.getValue(column, row), table.getValue(column, row), 0, column + " " + row);
		final java.util.Set< String > found = new java.util.HashSet<>();
		for (int row = 0; row < 2; row++)
			found.add(table.getStringValue("Template", row) + " " + table.getStringValue("Flip", row) + " " + (int) table.getValue("BX", row));
		assertEquals(java.util.Set.of("a None 10", "b-mirrored Horizontal 40"), found);
	}

	@Test
	void theSelectionIsTheTemplateWhenNoneIsPassedAndNoScoreMapUnlessAsked() throws Exception {
		final ImagePlus image = noise("cells", 60, 40, 2);
		image.setRoi(new Roi(12, 21, 8, 8));
		final CommandModule m = commands.run(MatchTemplateCommand.class, true, "image", image, "mode", "valid").get();
		assertNull(m.getOutput("result"));
		final ResultsTable table = (ResultsTable) m.getOutput("table");
		assertEquals(12, table.getValue("BX", 0), 0);
		assertEquals(21, table.getValue("BY", 0), 0);
		assertEquals(1, table.getValue("Score", 0), 1e-6);
	}

	@Test
	void badInputStopsWithAMessageAndChangesNothing() throws Exception {
		final CommandModule m = commands.run(MatchTemplateCommand.class, true, "method", "Cross correlation").get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("'image'"), m.getCancelReason());
		final IllegalArgumentException direct = assertThrows(IllegalArgumentException.class, () -> new MatchTemplateCommand().run());
		assertTrue(direct.getMessage().contains("'image'"), direct.getMessage());

		final ImagePlus image = noise("small", 10, 10, 3);
		final ImagePlus big = noise("big", 12, 5, 4);
		ExecutionException e = assertThrows(ExecutionException.class, () -> commands.run(MatchTemplateCommand.class, true, "image", image).get());
		assertTrue(message(e).contains("No template given"), message(e));
		e = assertThrows(ExecutionException.class, () -> commands.run(MatchTemplateCommand.class, true, "image", image, "template", big, "mode", "valid").get());
		assertTrue(message(e).contains("larger than the image"), message(e));
		e = assertThrows(ExecutionException.class, () -> commands.run(MatchTemplateCommand.class, true, "image", image, "template", big, "method", "best").get());
		assertTrue(message(e).contains("Unknown matching method"), message(e));
		assertNull(image.getOverlay(), "nothing drawn");
	}

	private static ImagePlus noise(final String title, final int w, final int h, final long seed) {
		final Random random = new Random(seed);
		final float[] v = new float[w * h];
		for (int i = 0; i < v.length; i++)
			v[i] = random.nextFloat();
		return new ImagePlus(title, new FloatProcessor(w, h, v));
	}

	private static ImagePlus crop(final ImagePlus imp, final String title, final int x, final int y, final int w, final int h) {
		final FloatProcessor ip = (FloatProcessor) imp.getProcessor().duplicate();
		ip.setRoi(x, y, w, h);
		return new ImagePlus(title, ip.crop());
	}

	private static String message(final Throwable e) {
		Throwable t = e;
		while (t.getCause() != null)
			t = t.getCause();
		return String.valueOf(t.getMessage());
	}

	private static List< String > names(final Iterable< ModuleItem< ? > > items) {
		final List< String > n = new ArrayList<>();
		items.forEach(i -> n.add(i.getName()));
		return n;
	}
}
