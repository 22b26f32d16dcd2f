package io.github.convolvej.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import io.github.convolvej.core.Operation;

/**
 * Correlate ND as a SciJava command, for scripts and headless pipelines:
 * <pre>
 * commandService.run(CorrelateNdCommand.class, true, "image", imp, "kernel", "1 2; 3 4", "mode", "full").get().getOutput("result");
 * </pre>
 * No menu path, as for {@link ConvolveNdCommand}: the ImageJ 1 plugin is
 * the menu entry.
 */
@Plugin(type = Command.class, headless = true, label = "Correlate ND", description = "N-dimensional correlation with SciPy's numbers.")
public class CorrelateNdCommand extends FilterCommand {

	public CorrelateNdCommand() {
		super(Operation.CORRELATE);
	}
}
