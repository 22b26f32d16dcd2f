package io.github.convolvej.command;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.ij.MatchResult;
import io.github.convolvej.ij.MatchSettings;
import io.github.convolvej.ij.MatchTable;
import io.github.convolvej.ij.TemplateMatching;

/**
 * Match Template as a SciJava command, for scripts and headless pipelines:
 * parameters named as the macro keys, the same {@link MatchSettings} and
 * the same {@link TemplateMatching} call as the ImageJ 1 plugin.
 *
 * <pre>
 * CommandModule m = commandService.run(MatchTemplateCommand.class, true, "image", face, "template", eye,
 * 		"method", "Correlation coefficient", "matches", 3, "score_map", true).get();
 * ImagePlus scores = (ImagePlus) m.getOutput("result");
 * ResultsTable table = (ResultsTable) m.getOutput("table");
 * </pre>
 *
 * The matches are drawn on the image's overlay; outputs are {@code result},
 * the score map when {@code score_map} is on (else null), and
 * {@code table}, the {@code Matches} table (also shown when ImageJ's
 * window is open). {@code template} is an image object; left out, the
 * rectangle selection on the image is the template. {@code threshold} and
 * {@code min_distance} left out mean none and half the template.
 * {@code templates} (more images), {@code mask}, {@code rotations},
 * {@code flip} and {@code angles} search several, turned, mirrored and
 * masked templates, as the macro keys do.
 * {@code add_to_manager} needs a display (the ROI Manager is a window). It
 * has no menu path on purpose: the ImageJ 1 plugin of the same name already
 * appears under Plugins &gt; ConvolveJ.
 */
@Plugin(type = Command.class, headless = true, label = "Match Template", description = "Finds a template in an image: OpenCV's six scores, many matches, subpixel peaks.")
public class MatchTemplateCommand implements Command {

	@Parameter(persist = false, label = "Image", description = "The image to search in; only its overlay changes.")
	private ImagePlus image;

	@Parameter(required = false, persist = false, label = "Template", description = "The pattern to find; left out, the rectangle selection on the image.")
	private ImagePlus template;

	@Parameter(required = false, persist = false, choices = { "Square difference", "Normalized square difference", "Cross correlation", "Normalized cross correlation", "Correlation coefficient", "Normalized correlation coefficient" })
	private String method = "Normalized correlation coefficient";

	@Parameter(required = false, persist = false, choices = { "same", "valid" })
	private String mode = "same";

	@Parameter(required = false, persist = false, description = "symm (symmetric, reflect), mirror, nearest (edge), wrap (periodic) or fill (constant).")
	private String boundary = "symm";

	@Parameter(required = false, persist = false, description = "The value outside the image for boundary=fill.")
	private double value;

	@Parameter(required = false, persist = false, min = "1", description = "At most this many matches (per plane of a stack), best first.")
	private int matches = 1;

	@Parameter(required = false, persist = false, description = "Keep only scores at least this good (at most, for the square differences); none when left out.")
	private Double threshold;

	@Parameter(required = false, persist = false, label = "Min distance", description = "Pixels between match anchors; half the template's smallest side when left out.")
	private Double min_distance;

	@Parameter(required = false, persist = false, label = "Max overlap", description = "Largest intersection over union of two matches' rectangles, 0 to 1; 1 keeps all.")
	private double max_overlap = 1;

	@Parameter(required = false, persist = false, description = "center, or the template pixel that marks a match: [x,y] or [x,y,z].")
	private String anchor = "center";

	@Parameter(required = false, persist = false, description = "Refine positions to a fraction of a pixel.")
	private boolean subpixel;

	@Parameter(required = false, persist = false, label = "Score map", description = "Give the scores as a 32-bit image titled <title>-scores.")
	private boolean score_map;

	@Parameter(required = false, persist = false, label = "Add to manager", description = "Add the matches to the ROI Manager (needs a display).")
	private boolean add_to_manager;

	@Parameter(required = false, persist = false, description = "More template images, searched with 'template' in one pass; left out, none.")
	private ImagePlus[] templates;

	@Parameter(required = false, persist = false, description = "A template mask (the template's size, 0 where pixels are ignored); left out, none.")
	private ImagePlus mask;

	@Parameter(required = false, persist = false, description = "Exact quarter turns to search, e.g. [0,90,180,270].")
	private String rotations = "[0]";

	@Parameter(required = false, persist = false, choices = { "None", "Horizontal", "Vertical", "Both" }, description = "Also search the template's mirror (Both: all four).")
	private String flip = "None";

	@Parameter(required = false, persist = false, description = "Turns by interpolation, [start,stop,step] in degrees, or none.")
	private String angles = "none";

	@Parameter(type = ItemIO.OUTPUT, label = "Result")
	private ImagePlus result;

	@Parameter(type = ItemIO.OUTPUT, label = "Matches")
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "Note")
	private String note;

	@Override
	public void run() {
		if (image == null)
			throw new IllegalArgumentException("No input image. Pass the image to search in as 'image'.");
		final MatchSettings settings = MatchSettings.fromInputs(this::input);
		if (add_to_manager && GraphicsEnvironment.isHeadless())
			throw new IllegalArgumentException("add_to_manager needs a display: the ROI Manager is a window. Leave it off; the matches are in the 'table' output and on the image's overlay.");
		final List< ImagePlus > all = new ArrayList<>();
		if (template != null)
			all.add(template);
		if (templates != null)
			all.addAll(Arrays.asList(templates));
		final MatchResult r = TemplateMatching.run(image, all, mask, settings, ProgressListener.NONE);
		r.addToOverlay();
		table = r.toTable();
		note = r.note().orElse(null);
		if (IJ.getInstance() != null)
			table.show(MatchTable.TITLE);
		result = score_map ? r.scoreMap() : null;
		if (add_to_manager) {
			RoiManager manager = RoiManager.getInstance2();
			if (manager == null)
				manager = new RoiManager();
			r.addToManager(manager);
		}
	}

	/**
	 * The parameter named as macro key {@code key} (the parameters are the
	 * keys: MatchTemplateCommandTest). The images to search, with and in are
	 * passed on as images, not looked up by title.
	 */
	private Object input(final String key) {
		if (key.equals("image") || key.equals("templates") || key.equals("mask"))
			return null;
		return Parameters.named(this, key);
	}

	/** The score map once {@link #run()} has run, or null without {@code score_map}. */
	public ImagePlus result() {
		return result;
	}

	/**
	 * What the user should know about the matches once {@link #run()} has
	 * run, or null: why there is none (the best score, for a threshold), or
	 * that they are arbitrary (every window scored the same).
	 */
	public String note() {
		return note;
	}

	/** The {@code Matches} table once {@link #run()} has run. */
	public ResultsTable matches() {
		return table;
	}
}
