// Template matching, as the article does it: the raccoon's right eye is cut
// from the face, both have their mean subtracted, the face gets noise
// (standard deviation 50), and scipy.signal.correlate2d(face, eye,
// boundary='symm', mode='same') peaks on the eye. Then the same with the
// Match Template command, which normalizes the scores and finds the peaks.

run("Open ConvolveJ Sample", "sample=raccoon-face-gray");
rename("face");
run("32-bit");
getStatistics(area, mean);
run("Subtract...", "value=" + mean);

makeRectangle(670, 300, 80, 65);
run("Duplicate...", "title=eye");
getStatistics(area, mean);
run("Subtract...", "value=" + mean);

selectImage("face");
run("Select None");
run("Add Specified Noise...", "standard=50");

// Zero-mean cross-correlation: the eye image is the kernel
run("Correlate ND...", "kernel_image=eye mode=same boundary=symm value=0");
rename("face-eye-scores");
getStatistics(area, mean, min, max);
setThreshold(max, max);
run("Create Selection");
getSelectionBounds(x, y, width, height);
run("Select None");
resetThreshold();
// correlate2d puts the template's pixel ((80-1)/2, (65-1)/2) = (39, 32) on the output pixel
print("Best match: eye at x " + (x - 39) + ", y " + (y - 32) + " (cut from x 670, y 300)");

// The normalized correlation coefficient (scikit-image's match_template)
selectImage("face");
run("Match Template...", "image=face template=eye method=[Normalized correlation coefficient] mode=same boundary=symm value=0 matches=1 score_map");
