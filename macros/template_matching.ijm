// Template matching, as the article ends: the raccoon's right eye is cut from
// the gray face, both have their mean subtracted, the face gets Gaussian noise
// (standard deviation 50), and the zero-mean cross-correlation still peaks on
// the eye. In Python:
//   face = face - face.mean()
//   eye = face[300:365, 670:750] - face[300:365, 670:750].mean()
//   face = face + np.random.normal(0, 50, face.shape)
//   corr = scipy.signal.correlate2d(face, eye, boundary='symm', mode='same')
//   y, x = np.unravel_index(np.argmax(corr), corr.shape)
// First that correlation itself (Correlate ND with the eye as the kernel),
// then Match Template, which finds and marks the best match. Its "Correlation
// coefficient" (OpenCV's TM_CCOEFF) also takes each window's own mean away,
// so a bright patch cannot outscore the eye.

run("Open ConvolveJ Sample", "sample=raccoon-face-gray");
rename("face");
run("32-bit");
getStatistics(area, mean);
run("Subtract...", "value=" + mean);

// the right eye: x 670, y 300, 80 wide, 65 high
makeRectangle(670, 300, 80, 65);
run("Duplicate...", "title=eye");
getStatistics(area, mean);
run("Subtract...", "value=" + mean);

// Gaussian noise, the same every run
selectImage("face");
run("Select None");
random("seed", 1);
run("Add Specified Noise...", "standard=50");

// the article's correlate2d: the eye image is the kernel
run("Correlate ND...", "kernel_image=eye mode=same boundary=symm value=0");
rename("face-eye-scores");
getStatistics(area, mean, min, max);
setThreshold(max, max);
run("Create Selection");
getSelectionBounds(x, y, width, height);
run("Select None");
resetThreshold();
// correlate2d puts the template's pixel ((80-1)/2, (65-1)/2) = (39, 32) on the output pixel
print("correlate2d: highest at x " + x + ", y " + y + ": the eye at x " + (x - 39) + ", y " + (y - 32) + " (cut from x 670, y 300)");

// Match Template: the match on the face's overlay, the Matches table, the scores
selectImage("face");
run("Match Template...", "image=face template=eye method=[Correlation coefficient] mode=same boundary=symm value=0 matches=1 score_map");
x = Table.get("X", 0, "Matches");
y = Table.get("Y", 0, "Matches");
print("Match Template: best match at x " + x + ", y " + y + ", its box at x " + Table.get("BX", 0, "Matches") + ", y " + Table.get("BY", 0, "Matches"));

// a red dot on the best match
selectImage("face");
makeOval(x - 8, y - 8, 17, 17);
Overlay.addSelection("", 0, "red");
run("Select None");

// the score map, shown with the afmhot LUT
selectImage("face-scores");
