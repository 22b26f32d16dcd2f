// Template matching, as the article ends: the raccoon's right eye is cut from
// the gray face, the face is made noisy, and the zero-mean cross-correlation
// still peaks on the eye. In Python:
//   face = face - face.mean()
//   eye = face[300:365, 670:750] - face[300:365, 670:750].mean()
//   face = face + np.random.normal(0, 50, face.shape)
//   corr = scipy.signal.correlate2d(face, eye, boundary='symm', mode='same')
//   y, x = np.unravel_index(np.argmax(corr), corr.shape)
// "Correlation coefficient" is that correlation with each window's own mean
// taken away as well (OpenCV's TM_CCOEFF), so uneven lighting cannot win.

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

// Gaussian noise, sigma 50, the same every run
selectImage("face");
run("Select None");
random("seed", 1);
run("Add Specified Noise...", "standard=50");

run("Match Template...", "image=face template=eye method=[Correlation coefficient] mode=same boundary=symm value=0 matches=1 score_map");

// the best match: its anchor is the eye's pixel (39, 32) from the corner
x = Table.get("X", 0, "Matches");
y = Table.get("Y", 0, "Matches");
score = Table.get("Score", 0, "Matches");
selectImage("face");
makeOval(x - 8, y - 8, 17, 17);
Overlay.addSelection("", 0, "red");
run("Select None");
print("Best match at x " + x + ", y " + y + " (the eye's box starts at x " + Table.get("BX", 0, "Matches") + ", y " + Table.get("BY", 0, "Matches") + "), score " + d2s(score, 0));

// the score map, shown with the afmhot LUT
selectImage("face-scores");
