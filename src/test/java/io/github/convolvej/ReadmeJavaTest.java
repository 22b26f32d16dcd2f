package io.github.convolvej;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java example of the README compiles against the project as it is:
 * each {@code ```java} block becomes the body of a method whose parameters
 * are the names the README leaves to the reader ({@code img}, {@code k},
 * {@code imp}...), unless the block declares them itself.
 */
class ReadmeJavaTest {

	/** The names a block may use without declaring them, with their types. */
	private static final Map< String, String > GIVEN = new LinkedHashMap<>();
	static {
		GIVEN.put("img", "Img<FloatType>");
		GIVEN.put("k", "Kernel");
		GIVEN.put("kernel", "Kernel");
		GIVEN.put("volume", "Interval");
		GIVEN.put("complexKernel", "Kernel");
		GIVEN.put("target", "RandomAccessibleInterval<FloatType>");
		GIVEN.put("maskImg", "RandomAccessibleInterval<UnsignedByteType>");
		GIVEN.put("image", "RandomAccessibleInterval<FloatType>");
		GIVEN.put("template", "RandomAccessibleInterval<FloatType>");
		GIVEN.put("cell", "RandomAccessibleInterval<FloatType>");
		GIVEN.put("bead", "RandomAccessibleInterval<FloatType>");
		GIVEN.put("beadMask", "RandomAccessibleInterval<UnsignedByteType>");
		GIVEN.put("imp", "ImagePlus");
		GIVEN.put("c", "int");
		GIVEN.put("z", "int");
		GIVEN.put("t", "int");
	}

	private static final String IMPORTS = String.join("\n",
			"import java.util.*;",
			"import ij.ImagePlus;",
			"import ij.WindowManager;",
			"import net.imglib2.Interval;",
			"import net.imglib2.RandomAccessibleInterval;",
			"import net.imglib2.img.Img;",
			"import net.imglib2.type.numeric.RealType;",
			"import net.imglib2.type.numeric.integer.UnsignedByteType;",
			"import net.imglib2.type.numeric.real.DoubleType;",
			"import net.imglib2.type.numeric.real.FloatType;",
			"import net.imglib2.view.Views;",
			"import org.scijava.Context;",
			"import org.scijava.command.CommandService;",
			"import io.github.convolvej.core.*;",
			"import io.github.convolvej.core.match.*;",
			"import io.github.convolvej.ij.*;",
			"import io.github.convolvej.command.*;");

	@TempDir
	Path dir;

	@Test
	void everyJavaExampleCompiles() throws IOException {
		final List< String > blocks = javaBlocks(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
		assertTrue(blocks.size() >= 5, "Java examples found: " + blocks.size());
		final StringBuilder source = new StringBuilder();
		final StringBuilder imports = new StringBuilder(IMPORTS).append('\n');
		source.append("@SuppressWarnings(\"unused\")\nclass ReadmeExamples {\n");
		for (int b = 0; b < blocks.size(); b++) {
			final StringBuilder body = new StringBuilder();
			for (final String line : blocks.get(b).split("\n"))
				if (line.startsWith("import "))
					imports.append(line.replaceAll("//.*", "").trim()).append('\n');
				else
					body.append("    ").append(line).append('\n');
			final List< String > parameters = new ArrayList<>();
			for (final Map.Entry< String, String > given : GIVEN.entrySet())
				if (!declares(body.toString(), given.getKey()))
					parameters.add(given.getValue() + " " + given.getKey());
			source.append("  // README block ").append(b + 1).append('\n')
					.append("  void block").append(b + 1).append("(").append(String.join(", ", parameters)).append(") throws Exception {\n")
					.append(body).append("  }\n");
		}
		source.append("}\n");
		final String file = imports + "\n" + source;
		final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		final StringWriter errors = new StringWriter();
		final JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///ReadmeExamples.java"), JavaFileObject.Kind.SOURCE) {
			@Override
			public CharSequence getCharContent(final boolean ignoreEncodingErrors) {
				return file;
			}
		};
		final boolean ok = compiler.getTask(errors, null, null,
				List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), "-proc:none"), null, List.of(unit)).call();
		assertTrue(ok, "The README's Java examples do not compile:\n" + errors + "\n" + numbered(file));
	}

	private static List< String > javaBlocks(final String readme) {
		final List< String > blocks = new ArrayList<>();
		final Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
		while (m.find())
			blocks.add(m.group(1));
		return blocks;
	}

	/** True when the block declares the name itself ({@code Type name =}). */
	private static boolean declares(final String body, final String name) {
		return Pattern.compile("[\\w>\\]]\\s+" + Pattern.quote(name) + "\\s*=").matcher(body).find();
	}

	private static String numbered(final String file) {
		final StringBuilder sb = new StringBuilder();
		int n = 1;
		for (final String line : file.split("\n"))
			sb.append(n++).append(": ").append(line).append('\n');
		return sb.toString();
	}
}
