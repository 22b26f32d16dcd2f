package io.github.convolvej.plugin;

import java.awt.AWTEvent;
import java.awt.Choice;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.awt.Label;
import java.awt.Panel;
import java.awt.TextArea;
import java.awt.TextField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.DialogListener;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;
import io.github.convolvej.cli.StackToStore;
import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;
import io.github.convolvej.ij.ImageJProgress;
import io.github.convolvej.ij.KernelCalibration;
import io.github.convolvej.ij.NotEnoughMemoryException;
import io.github.convolvej.ij.ScaledUnits;

/**
 * The ImageJ 1 front end shared by Convolve ND and Correlate ND: a dialog
 * with a live preview, or the macro options when a macro runs the command,
 * parsed into {@link FilterSettings} and handed to {@link ImageFilter}.
 * <p>
 * The dialog's labels give exactly SPEC's macro keys (ImageJ takes the
 * label's first word, lower-cased, and shows underscores as spaces:
 * "Kernel_image" is the key {@code kernel_image}), so the Recorder writes
 * {@code run("Convolve ND...", "kernel=[...] kernel_image=<none> mode=same ...")}.
 * Macro options are parsed by {@link FilterSettings#fromMacroOptions}
 * directly rather than through the dialog, so boundary aliases such as
 * {@code reflect} work in macros. No SciJava context is needed.
 */
public abstract class FilterPlugin implements PlugIn {

	/** Kernels the Preset choice can fill in (SPEC's named kernels). */
	static final String[] PRESETS = { "laplace", "box(3)", "gaussian(2)", "sobel-x", "sobel-y", "prewitt-x", "prewitt-y", "scharr", "emboss", "sharpen", "ripple" };
	private static final String PRESET_PROMPT = "(fill the kernel field)";

	/** The last dialog settings per operation: the next dialog starts from them. */
	private static final Map< Operation, FilterSettings > LAST = new EnumMap<>(Operation.class);

	private final Operation operation;
	private final String name;

	/** @param name the dialog title, the command name without "..." */
	protected FilterPlugin(final Operation operation, final String name) {
		this.operation = operation;
		this.name = name;
	}

	@Override
	public void run(final String arg) {
		final String options = Macro.getOptions();
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) {
			CommandError.show(name, "There is no image to filter. Open or create one first.");
			return;
		}
		final ImageJProgress progress = new ImageJProgress();
		try {
			final FilterSettings settings;
			if (options != null) {
				// ImageJ's own commands ignore unknown keys; a warning at least names them.
				for (final String problem : FilterSettings.keyProblems(options))
					IJ.log(name + ": " + problem);
				settings = FilterSettings.fromMacroOptions(operation, options);
			}
			else {
				settings = showDialog(imp);
				if (settings == null)
					return;
			}
			final Kernel kernel = settings.kernel(WindowManager::getImage, imp);
			if (settings.get(FilterSettings.KERNEL_IMAGE) != null)
				KernelCalibration.mismatch(imp, WindowManager.getImage(settings.get(FilterSettings.KERNEL_IMAGE))).ifPresent(w -> IJ.log(name + ": " + w));
			final ImagePlus mask = settings.mask(WindowManager::getImage);
			final List< ImagePlus > results = ImageJThreads.call(() -> settings.get(FilterSettings.OUTPUT_FOLDER) != null
					? List.of(StackToStore.filter(imp, settings, kernel, progress))
					: ImageFilter.applyAll(imp, settings, kernel, mask, progress));
			if (settings.get(FilterSettings.SCALED))
				logScaled(settings, imp);
			for (int i = results.size() - 1; i >= 0; i--)
				results.get(i).show(); // the result shown last, so it is the active image
			IJ.showStatus(results.get(0).getTitle());
		} catch (final CancelledException e) {
			IJ.showStatus(name + " cancelled");
		} catch (final IllegalArgumentException | NotEnoughMemoryException e) {
			CommandError.show(name, e.getMessage());
		} catch (final java.io.IOException | java.io.UncheckedIOException e) {
			CommandError.show(name, "Cannot write the result to the output folder: " + e.getMessage());
		} finally {
			progress.done();
		}
	}

	/**
	 * Which kernel in pixels {@code scaled} used: to the log, and to the
	 * recorded macro as a comment above the command.
	 */
	private void logScaled(final FilterSettings settings, final ImagePlus imp) {
		final String line = name + ", scaled: " + ScaledUnits.describe(settings.get(FilterSettings.KERNEL), imp);
		IJ.log(line);
		if (Recorder.record)
			Recorder.recordString("// " + line + "\n");
	}

	/** Filters without any dialog: the result, not shown. */
	public ImagePlus process(final ImagePlus imp, final FilterSettings settings, final Kernel kernel, final ProgressListener progress) {
		return ImageFilter.apply(imp, settings, kernel, progress);
	}

	public Operation operation() {
		return operation;
	}

	/** The dialog; null when cancelled. */
	private FilterSettings showDialog(final ImagePlus imp) {
		final FilterSettings initial = LAST.containsKey(operation) ? LAST.get(operation) : FilterSettings.builder(operation).set(FilterSettings.KERNEL, "laplace").build();
		final GenericDialog gd = new GenericDialog(name);
		final Choice presets = new Choice();
		presets.add(PRESET_PROMPT);
		for (final String p : PRESETS)
			presets.add(p);
		final Panel presetPanel = new Panel(new FlowLayout(FlowLayout.LEFT, 5, 0));
		presetPanel.add(new Label("Preset:"));
		presetPanel.add(presets);
		gd.addPanel(presetPanel); // not a dialog field: never recorded

		DialogFields.add(gd, FilterSettings.MACRO_KEYS, initial.values(), imp.getCalibration().getUnits());
		final TextField kernelField = (TextField) gd.getStringFields().firstElement();
		gd.addPreviewCheckbox(null, "Preview");
		final TextArea info = new TextArea("", 3, 48, TextArea.SCROLLBARS_VERTICAL_ONLY);
		info.setEditable(false);
		final Panel infoPanel = new Panel();
		infoPanel.add(info);
		gd.addPanel(infoPanel);

		presets.addItemListener(e -> {
			if (presets.getSelectedIndex() > 0) {
				kernelField.setText(presets.getSelectedItem()); // fires the dialog listener
				presets.select(0);
			}
		});
		final LivePreview preview = new LivePreview(message -> EventQueue.invokeLater(() -> info.setText(message)));
		final Fields fields = new Fields(imp, info, preview);
		gd.addDialogListener(fields);
		info.setText(fields.describe(initial));
		try {
			gd.addHelp(HelpPages.url(HelpPages.FILTER));
			gd.showDialog();
		} finally {
			preview.close();
		}
		if (gd.wasCanceled())
			return null;
		if (fields.error != null)
			throw new IllegalArgumentException(fields.error);
		LAST.put(operation, fields.settings);
		return fields.settings;
	}

	/** Reacts to every change: validates, shows what the result will be, updates the preview. */
	private final class Fields implements DialogListener {
		private final ImagePlus imp;
		private final TextArea info;
		private final LivePreview preview;
		FilterSettings settings;
		String error;

		Fields(final ImagePlus imp, final TextArea info, final LivePreview preview) {
			this.imp = imp;
			this.info = info;
			this.preview = preview;
		}

		@Override
		public boolean dialogItemChanged(final GenericDialog gd, final AWTEvent e) {
			final FilterSettings s;
			try {
				s = readSettings(gd);
			} catch (final IllegalArgumentException ex) {
				return fail(ex.getMessage(), e);
			}
			final boolean previewOn = gd.isPreviewActive();
			try {
				final Kernel kernel = s.kernel(WindowManager::getImage, imp);
				final ImagePlus mask = s.mask(WindowManager::getImage);
				final String description = ImageFilter.check(imp, s, kernel, mask);
				settings = s;
				error = null;
				if (e != null) // null: the final call after OK
					info.setText("Result: " + description + (s.get(FilterSettings.SCALED) ? "\nScaled: " + ScaledUnits.describe(s.get(FilterSettings.KERNEL), imp) : "") + memoryNote(imp, s));
				if (previewOn && e != null)
					preview.request(imp, s, kernel, mask);
				else
					preview.hide();
				return true;
			} catch (final IllegalArgumentException ex) {
				return fail(ex.getMessage(), e);
			}
		}

		private boolean fail(final String message, final AWTEvent e) {
			settings = null;
			error = message;
			if (e != null)
				info.setText(message);
			preview.hide();
			return false;
		}

		/** What these settings give, or what is wrong with them. */
		String describe(final FilterSettings s) {
			try {
				return "Result: " + ImageFilter.check(imp, s, s.kernel(WindowManager::getImage, imp), s.mask(WindowManager::getImage)) + memoryNote(imp, s);
			} catch (final IllegalArgumentException ex) {
				return ex.getMessage();
			}
		}
	}

	/**
	 * Where the result goes when it is written to a folder, or a warning when
	 * a 32-bit result of the image's size would not fit in the memory left,
	 * before OK is pressed.
	 */
	static String memoryNote(final ImagePlus imp, final FilterSettings s) {
		return memoryNote(imp.getWidth(), imp.getHeight(), imp.getStackSize(), s);
	}

	/** {@link #memoryNote(ImagePlus, FilterSettings)} for an image of these sizes. */
	static String memoryNote(final long width, final long height, final long planes, final FilterSettings s) {
		if (s.get(FilterSettings.OUTPUT_FOLDER) != null)
			return "\nWritten plane by plane to " + s.get(FilterSettings.OUTPUT_FOLDER) + " (" + s.get(FilterSettings.OUTPUT_FORMAT).label() + "), opened as a virtual stack.";
		final long bytes = 4L * width * height * planes;
		final Runtime rt = Runtime.getRuntime();
		final long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (bytes < free)
			return "";
		return String.format(java.util.Locale.ROOT, "\nThe result (about %d MB) would not fit in the memory left (%d MB): give an Output folder to write it plane by plane.", bytes >> 20, free >> 20);
	}

	/**
	 * Reads every field, in the order they were added (which is the order
	 * the Recorder writes the keys in).
	 */
	private FilterSettings readSettings(final GenericDialog gd) {
		final FilterSettings.Builder b = FilterSettings.builder(operation);
		DialogFields.read(gd, FilterSettings.MACRO_KEYS, b::parse);
		return b.build();
	}
}
