// Many files, one run: every image of a folder through Convolve ND, each result
// saved under its own name in a subfolder. Each file is filtered on its own
// (unlike a folder of planes that together form one volume: see the README's
// "Volumes larger than memory"). A file that gives no result is listed at the
// end. On the command line the same is one line:
//   convolvej convolve-nd --each 'folder/*.tif' smoothed/ "kernel=[gaussian(2)] output=[Same as input]"
//
// The example makes its folder from the bundled samples; set `input` to a folder
// of your own (e.g. input = getDirectory("Choose a folder");) to process yours.

input = getDirectory("temp") + "convolvej-folder-example" + File.separator;
output = input + "smoothed" + File.separator;
if (!File.exists(input)) {
	File.makeDirectory(input);
	run("Open ConvolveJ Sample", "sample=cameraman");
	saveAs("Tiff", input + "cameraman.tif");
	close();
	run("Open ConvolveJ Sample", "sample=ascent");
	saveAs("Tiff", input + "ascent.tif");
	close();
	run("Open ConvolveJ Sample", "sample=raccoon-face-gray");
	saveAs("Tiff", input + "raccoon-face-gray.tif");
	close();
}
File.makeDirectory(output);

setBatchMode(true);
list = getFileList(input);
done = 0;
failed = "";
for (i = 0; i < list.length; i++) {
	if (!endsWith(toLowerCase(list[i]), ".tif"))
		continue;
	showProgress(i, list.length);
	showStatus("Smoothing " + list[i]);
	open(input + list[i]);
	source = getTitle();
	run("Convolve ND...", "kernel=[gaussian(2)] mode=same boundary=symm output=[Same as input]");
	if (getTitle() != source) {
		saveAs("Tiff", output + list[i]);
		done++;
	} else
		failed = failed + " " + list[i];
	close("*");
}
setBatchMode(false);
message = "" + done + " images smoothed into " + output;
if (failed != "")
	message = message + "; not done:" + failed;
print(message);
