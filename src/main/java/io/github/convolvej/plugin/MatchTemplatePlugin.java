package io.github.convolvej.plugin;

import java.awt.Rectangle;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;
import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.ij.ImageJProgress;
import io.github.convolvej.ij.MatchResult;
import io.github.convolvej.ij.NotEnoughMemoryException;
import io.github.convolvej.ij.MatchSettings;
import io.github.convolvej.ij.MatchTable;
import io.github.convolvej.ij.TemplateMatching;

/**
 * Plugins &gt; ConvolveJ &gt; Match Template...: finds a template in an
 * image with OpenCV's six scores, marks the matches on the image's overlay,
 * lists them in the {@code Matches} table and, when asked, shows the score
 * map and adds the matches to the ROI Manager.
 *
 * <pre>
 * run("Match Template...", "image=face template=eye method=[Correlation coefficient] mode=same boundary=symm matches=1 score_map");
 * </pre>
 *
 * The dialog's labels give exactly SPEC's macro keys (ImageJ takes the
 * label's first word, lower-cased, and shows underscores as spaces). Macro
 * options are parsed by {@link MatchSettings#fromMacroOptions} directly
 * rather than through the dialog, so aliases (method {@code ccoeff},
 * boundary {@code reflect}) work in macros and a missing {@code template=}
 * means the selection. Esc cancels. No SciJava context is needed.
 */
public class MatchTemplatePlugin implements PlugIn {

	static final String NAME = "Match Template";

	/** The last dialog settings: the next dialog starts from them. */
	private static MatchSettings last = MatchSettings.builder().build();

	@Override
	public void run(final String arg) {
		final String options = Macro.getOptions();
		final ImageJProgress progress = new ImageJProgress();
		try {
			final MatchSettings settings;
			if (options != null) {
				// ImageJ's own commands ignore unknown keys; a warning at least names them.
				for (final String problem : MatchSettings.keyProblems(options))
					IJ.log(NAME + ": " + problem);
				settings = MatchSettings.fromMacroOptions(options);
			}
			else {
				settings = showDialog();
				if (settings == null)
					return;
			}
			final ImagePlus image = settings.image(WindowManager::getImage, WindowManager.getCurrentImage());
			final List< ImagePlus > templates = settings.templates(WindowManager::getImage);
			final ImagePlus mask = settings.mask(WindowManager::getImage);
			final MatchResult result = ImageJThreads.call(() -> TemplateMatching.run(image, templates, mask, settings, progress));
			show(result);
			result.note().ifPresent(reason -> IJ.log(NAME + ": " + reason));
			IJ.showStatus(NAME + ": " + result.matches().size() + (result.matches().size() == 1 ? " match" : " matches"));
		} catch (final CancelledException e) {
			IJ.showStatus(NAME + " cancelled");
		} catch (final IllegalArgumentException | NotEnoughMemoryException e) {
			CommandError.show(NAME, e.getMessage());
		} finally {
			progress.done();
		}
	}

	/** Matches without any dialog: the result, nothing shown, the image unchanged. */
	public static MatchResult process(final ImagePlus image, final ImagePlus template, final MatchSettings settings, final ProgressListener progress) {
		return TemplateMatching.run(image, template, settings, progress);
	}

	/**
	 * Shows a result as the menu command does: the matches on the image's
	 * overlay, the {@code Matches} table, the score map when asked, and the
	 * ROI Manager entries when asked.
	 */
	public static void show(final MatchResult result) {
		result.addToOverlay();
		final ResultsTable table = result.toTable();
		table.show(MatchTable.TITLE);
		if (result.settings().get(MatchSettings.SCORE_MAP))
			result.scoreMap().show();
		if (result.settings().get(MatchSettings.ADD_TO_MANAGER)) {
			RoiManager manager = RoiManager.getInstance2();
			if (manager == null)
				manager = new RoiManager();
			result.addToManager(manager);
		}
	}

	/** The dialog; null when cancelled. */
	private static MatchSettings showDialog() {
		final String[] titles = WindowManager.getImageTitles();
		if (titles.length == 0) {
			IJ.noImage();
			return null;
		}
		final ImagePlus current = WindowManager.getCurrentImage();
		final MatchSettings initial = last.toBuilder().parse(MatchSettings.IMAGE, current == null ? titles[0] : current.getTitle()).parse(MatchSettings.TEMPLATE, defaultTemplate(current, titles)).build();

		final GenericDialog gd = new GenericDialog(NAME);
		DialogFields.add(gd, MatchSettings.DIALOG_KEYS, initial.values(), "");
		gd.addMessage("Template <selection>: the rectangle selection on the image. Templates: more titles, separated by commas.\nThreshold none: every peak; min distance auto: half the template.\nRotations: exact quarter turns, e.g. [0,90,180,270]; angles: [start,stop,step] in degrees, or none.\nEsc cancels a long run.");
		gd.addHelp(HelpPages.url(HelpPages.MATCH));
		gd.showDialog();
		if (gd.wasCanceled())
			return null;
		final MatchSettings.Builder b = MatchSettings.builder();
		DialogFields.read(gd, MatchSettings.DIALOG_KEYS, b::parse);
		final MatchSettings settings = b.build();
		last = settings.toBuilder().set(MatchSettings.IMAGE, null).set(MatchSettings.TEMPLATE, null).set(MatchSettings.MASK, null).build();
		return settings;
	}

	/**
	 * The selection when the current image has a rectangle one smaller than
	 * the image; else another open image.
	 */
	private static String defaultTemplate(final ImagePlus current, final String[] titles) {
		final Roi roi = current == null ? null : current.getRoi();
		if (roi != null && roi.getType() == Roi.RECTANGLE && !roi.getBounds().equals(new Rectangle(current.getWidth(), current.getHeight())))
			return MatchSettings.SELECTION;
		for (final String t : titles)
			if (current == null || !t.equals(current.getTitle()))
				return t;
		return MatchSettings.SELECTION;
	}
}
