package io.github.convolvej.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import io.github.convolvej.core.Operation;

/**
 * Convolve ND as a SciJava command, for scripts and headless pipelines:
 * <pre>
 * commandService.run(ConvolveNdCommand.class, true, "image", imp, "kernel", "laplace", "mode", "same").get().getOutput("result");
 * </pre>
 * It has no menu path on purpose: the ImageJ 1 plugin of the same name
 * already appears under Plugins &gt; ConvolveJ (from {@code plugins.config}),
 * and a second entry in Fiji's menus would duplicate it.
 */
@Plugin(type = Command.class, headless = true, label = "Convolve ND", description = "N-dimensional convolution with SciPy's numbers.")
public class ConvolveNdCommand extends FilterCommand {

	public ConvolveNdCommand() {
		super(Operation.CONVOLVE);
	}
}
