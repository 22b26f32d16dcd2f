package io.github.convolvej.plugin;

import java.io.IOException;

import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import io.github.convolvej.demo.SampleImages;

/**
 * Opens one of the sample photographs bundled in the ConvolveJ jar. The menu
 * passes the sample's name as the argument; a macro calls
 * {@code run("Open ConvolveJ Sample", "sample=cameraman")}.
 */
public class OpenSample implements PlugIn {

	private static final String NAME = "Open ConvolveJ Sample";

	@Override
	public void run(final String arg) {
		final String name = chooseSample(arg);
		if (name == null)
			return;
		try {
			final ImagePlus image = SampleImages.open(name);
			image.show();
		}
		catch (final IllegalArgumentException | IOException e) {
			CommandError.show(NAME, e.getMessage());
		}
	}

	/** The sample named by the menu argument, the macro options or a dialog; null if cancelled. */
	private static String chooseSample(final String arg) {
		if (arg != null && !arg.isEmpty())
			return arg;
		final String options = Macro.getOptions();
		if (options != null) {
			// Read the key directly: a dialog would need a display, macros do not.
			final String value = Macro.getValue(options, "sample", null);
			if (value == null)
				CommandError.show(NAME, "Say which sample to open, e.g. sample=cameraman. Samples: "
						+ String.join(", ", SampleImages.NAMES) + ".");
			return value;
		}
		final GenericDialog dialog = new GenericDialog(NAME);
		final String[] names = SampleImages.NAMES.toArray(new String[0]);
		dialog.addChoice("sample", names, names[0]);
		dialog.addHelp(HelpPages.url(HelpPages.SAMPLES));
		dialog.showDialog();
		return dialog.wasCanceled() ? null : dialog.getNextChoice();
	}
}
