// Template matching by zero-mean cross-correlation, as the article does with
// scipy.signal.correlate2d(face, eye, boundary='symm', mode='same') after
// subtracting the means: the raccoon's eye is cut from the face, the face is
// made noisy, and the best score still lands on the eye.

run("Open ConvolveJ Sample", "sample=raccoon-face-gray");
rename("face");
run("32-bit");

makeRectangle(670, 300, 80, 65);
run("Duplicate...", "title=eye");
selectImage("face");
run("Select None");
run("Add Specified Noise...", "standard=50");

run("Match Template...", "image=face template=eye method=[Correlation coefficient] mode=same boundary=symm value=0 matches=1 score_map");
