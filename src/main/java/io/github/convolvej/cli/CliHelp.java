package io.github.convolvej.cli;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.github.convolvej.demo.SampleImages;

/** The help texts of the command-line tool. */
final class CliHelp {

	static final List< String > COMMANDS = Collections.unmodifiableList(Arrays.asList(
			"convolve-nd", "correlate-nd", "match-template", "spark", "demo", "bench", "help"));

	private static final String NL = System.lineSeparator();

	private CliHelp() {}

	static String general() {
		return lines(
				"Usage: convolvej COMMAND [ARGUMENTS]",
				"",
				"N-dimensional convolution, correlation and template matching, with no display.",
				"",
				"Commands:",
				"  convolve-nd IN OUT [OPTIONS] [--scale]   convolve, as Plugins > ConvolveJ > Convolve ND...",
				"  convolve-nd --each 'data/*.tif' OUTDIR [OPTIONS]   every file on its own, one run",
				"  correlate-nd IN OUT [OPTIONS] [--scale]  correlate, as Plugins > ConvolveJ > Correlate ND...",
				"  match-template IMAGE TEMPLATE [--csv FILE] [--scores FILE] [OPTIONS]",
				"                                           find a template, as Match Template...; matches as CSV",
				"  spark convolve-nd|correlate-nd IN OUT [OPTIONS] [--master URL] [--block Z|X,Y,Z] [--resume]",
				"                                           a volume store's blocks as Apache Spark tasks",
				"  demo [FOLDER] [--quick]                  the example macros on the bundled samples: figures",
				"                                           (PNG) and results (TIFF) in FOLDER (demo-output/)",
				"  bench [--only W1,W3] [--threads N] [--runs N] [--json FILE]",
				"                                           speed benchmark of fixed workloads",
				"  help [COMMAND]                           this text, or one command's",
				"",
				"OPTIONS is the options string of the macro command, e.g.",
				"  convolvej convolve-nd in.tif out.tif \"kernel=laplace mode=same boundary=symm\"",
				"IN may be sample:NAME, a bundled sample: " + String.join(", ", SampleImages.NAMES) + ".",
				"",
				"Exit codes: 0 done; 1 failed while reading, computing or writing;",
				"2 the command line is wrong (nothing was read or written).");
	}

	static String forCommand(final String command) {
		switch (command) {
			case "convolve-nd":
				return filter("convolve-nd", "Convolve ND...", "Convolves");
			case "correlate-nd":
				return filter("correlate-nd", "Correlate ND...", "Correlates");
			case "match-template":
				return lines(
						"Usage: convolvej match-template IMAGE TEMPLATE [--csv FILE] [--scores FILE] [--threads N] [OPTIONS]",
						"",
						"Finds TEMPLATE in IMAGE (2-D, or 3-D stacks; a 2-D template on a stack is matched",
						"plane by plane; RGB on the mean of its colours) and prints the matches, best first, as CSV",
						"with the columns of the Matches table: X,Y (the template's anchor), BX,BY,Width,Height",
						"(its rectangle), Score, and Slice on stacks (Template, Angle, Flip when searched).",
						"OPTIONS is Match Template's options string:",
						"  method=[Normalized correlation coefficient]   (default) or Correlation coefficient,",
						"        Cross correlation, Normalized cross correlation, Square difference,",
						"        Normalized square difference; OpenCV's names (TM_CCOEFF_NORMED, ...) work too",
						"  mode=same|valid        same: a score per image pixel, for the window whose anchor is",
						"                         there (scikit-image); valid: windows inside the image (OpenCV)",
						"  boundary=symm|mirror|nearest|wrap|fill   value=V   outside the image, for same",
						"  anchor=center|[x,y]    the template pixel a score belongs to",
						"  matches=N              at most N matches (default 1)",
						"  threshold=T            only scores at least this good (at most, for square differences)",
						"  min_distance=D         pixels between match anchors (default half the template)",
						"  max_overlap=F          drop a match overlapping a better one by more than F (IoU, 0..1)",
						"  subpixel               refine positions to a fraction of a pixel",
						"  templates=[a.png,b.png]  more template files (TEMPLATE may then be left out)",
						"  mask=[m.png]           a template mask file: 0 where pixels are ignored",
						"  rotations=[0,90,180,270]  exact quarter turns; flip=None|Horizontal|Vertical|Both",
						"  angles=[start,stop,step]  turns by interpolation, in degrees",
						"  --csv FILE             write the matches to FILE instead of standard output",
						"  --scores FILE          write the score map: .tif as computed, .png stretched to 0..255",
						"  --threads N            use N threads (default: all cores)",
						"",
						"Example:",
						"  convolvej match-template face.png eye.png --csv matches.csv \"method=[Correlation coefficient]\"");
			case "spark":
				return lines(
						"Usage: convolvej spark convolve-nd|correlate-nd IN OUT [OPTIONS] [--master URL] [--block Z|X,Y,Z]",
						"                       [--blocks-per-task N] [--resume]",
						"",
						"Runs the block plan of a volume store as Apache Spark tasks: IN a folder of TIFF planes,",
						"a multi-page TIFF or a Zarr v2 array; OUT a folder of TIFF planes (ending in /) or a",
						".zarr folder, on a file system every executor reads. Each task reads its block with",
						"the planes its kernel reaches, filters it and writes it whole; retried and speculative",
						"tasks write the same bytes. Progress: blocks done / total.",
						"",
						"  --master URL           Spark's master; default local[*]: Spark in this JVM, every core",
						"  --block Z|X,Y,Z        output planes per block (default 16), or tiles of a .zarr output",
						"  --blocks-per-task N    blocks per Spark task (default 1), for tasks of a few seconds",
						"  --resume               finish a stopped run: only the blocks not yet written",
						"",
						"Example:",
						"  convolvej spark convolve-nd planes/ smooth.zarr \"kernel=[gaussian(2)] boundary=nearest\"");
			case "demo":
				return lines(
						"Usage: convolvej demo [FOLDER] [--quick]",
						"",
						"Runs the walkthrough of the example macros (macros/ in the jar) on the bundled",
						"samples, through the same options and filter as the menu commands, and writes",
						"side-by-side figures as PNG and every result as TIFF to FOLDER (default",
						"demo-output/, created if missing). Prints the folder's path at the end.",
						"",
						"  --quick   shrink the samples 4 times on each axis (a fast check)",
						"",
						"Figures: 01 box blur and Laplace (cameraman), 02 RGB emboss and 03 complex",
						"Scharr magnitude (astronaut), 04 N-D sharpen and emboss (raccoon), 05",
						"correlation versus convolution (ascent), 06 template matching by zero-mean",
						"correlation and 07 Match Template's normalized scores (raccoon's eye).");
			case "bench":
				return lines(
						"Usage: convolvej bench [--only W1,W3] [--threads N] [--runs N] [--json FILE]",
						"                       [--algorithm auto|direct|separable|fft] [--via apply|compute|copy|reuse]",
						"",
						"Times fixed workloads in one JVM after warm-up: engine chosen, median time,",
						"Mpixel/s and peak heap. Give Java a large heap: JAVA_OPTS=\"-Xms8g -Xmx8g\".",
						"--via: through Convolution.apply (default), compute reading the image in place,",
						"compute copying it block by block (copy), or compute into outputs kept between runs (reuse).");
			case "help":
				return general();
			default:
				throw new UsageException("Unknown command '" + command + "'. Commands: " + String.join(", ", COMMANDS) + ".");
		}
	}

	private static String filter(final String command, final String menu, final String verb) {
		return lines(
				"Usage: convolvej " + command + " IN OUT [OPTIONS] [--scale] [--threads N]",
				"       convolvej " + command + " IN_VOLUME OUT_VOLUME [OPTIONS] [--block Z|X,Y,Z] [--compressor zlib|none] [--resume]",
				"",
				verb + " the image IN and writes the result to OUT. OPTIONS is the options string",
				"of the macro command run(\"" + menu + "\", OPTIONS); quote it:",
				"  kernel=[0 1 0; 1 -4 1; 0 1 0]  numbers by spaces or commas, rows by ';', Z planes by '|',",
				"                                 complex entries as 3-3i; or a name: box(n), gaussian(sigma),",
				"                                 gaussian(sx,sy[,sz]), laplace, sobel-x, sobel-y, prewitt-x,",
				"                                 prewitt-y, scharr, emboss, sharpen, ripple",
				"  kernel_image=FILE              an image file (up to 3-D) as the kernel",
				"  mode=full|same|valid           output size (same: as the input)",
				"  boundary=symm|mirror|nearest|wrap|fill   outside the image (default symm)",
				"  value=V                        the fill value of boundary=fill (default 0)",
				"  anchor=center|[x,y,z]          kernel pixel over the output pixel",
				"  normalize                      divide the kernel by its sum",
				"  output=32-bit|[Same as input]  result type (32-bit float by default)",
				"  complex=Magnitude|Real|Imaginary|Phase|All   complex kernels",
				"  algorithm=Auto|Direct|Separable|FFT",
				"  precision=float|double         how 32-bit results sum (float: the vector engine, when present)",
				"  nan=Propagate|Interpolate|Fill missing pixels (NaN, mask 0; outside with value=NaN):",
				"                                 NaN around them, normalized convolution, or read as value",
				"  mask=FILE                      an image of IN's size; 0 marks missing pixels",
				"  preserve_nan                   missing input pixels are NaN again in OUT",
				"  certainty                      also write OUT-certainty: the kernel weight on present pixels",
				"  scaled                         gaussian sigmas and box sizes in IN's calibrated units",
				"IN is any image ImageJ opens, or sample:NAME (" + String.join(", ", SampleImages.NAMES) + ").",
				"OUT's extension sets the format:",
				"  .tif, .tiff  the result as computed: 32-bit float by default, all planes",
				"  .png         one plane (three channels become RGB), 8-bit: 32-bit values are rounded",
				"               and clipped to 0..255, as output=[Same as input] does",
				"  --scale      for .png: stretch the result's min..max to 0..255 instead of clipping",
				"  --threads N  use N threads (default: all cores)",
				"Volumes larger than memory: IN a folder of 2-D TIFF planes (one z plane per file, natural",
				"name order), a multi-page TIFF or a Zarr v2 array (.zarr folder); OUT a folder (ending",
				"in /) of 32-bit planes plane_00000.tif, ..., or a .zarr folder (float32). The output is",
				"computed a block at a time, each read with its halo and written whole when done:",
				"  --block Z        Z output planes per block (default 16); a .zarr OUT cuts them into",
				"                   tiles of its chunks (256 x 256, or a Zarr IN's chunks)",
				"  --block X,Y,Z    tiles of X x Y x Z for a .zarr OUT, which is chunked so",
				"  --compressor zlib|none   a .zarr OUT's chunks: zlib level 1 (default) or as they are",
				"  --resume         finish a run that was stopped: only the blocks not yet in OUT",
				"",
				"Examples:",
				"  convolvej " + command + " in.tif out.tif \"kernel=laplace mode=same boundary=symm\"",
				"  convolvej " + command + " sample:cameraman blur.png \"kernel=[box(5)] mode=same\"",
				"  convolvej " + command + " stack.tif smooth.tif \"kernel=[gaussian(2,2,1)] boundary=nearest\"",
				"  convolvej " + command + " stack.tif smooth.tif \"kernel=[gaussian(0.5)] scaled boundary=fill value=NaN nan=Interpolate\"",
				"  convolvej " + command + " planes/ smoothed/ \"kernel=[gaussian(2,2,2)]\" --block 8 --resume",
				"  convolvej " + command + " big.zarr smooth.zarr \"kernel=[gaussian(2,2,2)]\" --block 256,256,32");
	}

	private static String lines(final String... lines) {
		return String.join(NL, lines) + NL;
	}
}
