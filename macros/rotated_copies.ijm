// Match Template II: one search finds turned and mirrored copies of an object.
// The camera is cut from the cameraman and pasted back into the sky three times:
// turned a quarter left, mirrored left to right, and turned upside down. Match
// Template searches the camera in its four quarter turns and their mirrors at
// once (the image is transformed once for all eight copies) and lists each
// find with the turn and mirror that matched; the outlines on the image are
// drawn turned. In OpenCV this is a loop of cv2.matchTemplate over
// np.rot90 / np.fliplr copies, then non-maximum suppression by hand.

run("Open ConvolveJ Sample", "sample=cameraman");
rename("scene");

// the object: the camera, 80 x 56 pixels
makeRectangle(250, 135, 80, 56);
run("Duplicate...", "title=camera");

// three copies pasted into the sky
pasteCopy("Rotate 90 Degrees Left", "", 20, 20);
pasteCopy("Flip Horizontally", "", 320, 20);
pasteCopy("Flip Horizontally", "Flip Vertically", 420, 120);
selectImage("scene");
run("Select None");

// all quarter turns, with and without the mirror; overlapping finds of one copy are merged
run("Match Template...", "image=scene template=camera method=[Normalized correlation coefficient] matches=4 threshold=0.9 max_overlap=0.2 rotations=[0,90,180,270] flip=Horizontal score_map");
for (i = 0; i < Table.size("Matches"); i++)
	print("found at x " + Table.get("BX", i, "Matches") + ", y " + Table.get("BY", i, "Matches") + ": turned " + Table.get("Angle", i, "Matches") + " degrees, flip " + Table.getString("Flip", i, "Matches") + ", score " + d2s(Table.get("Score", i, "Matches"), 3));

// Duplicates the camera, applies one or two ImageJ commands and pastes the result at x, y.
function pasteCopy(first, second, x, y) {
	selectImage("camera");
	run("Select None");
	run("Duplicate...", "title=copy");
	run(first);
	if (second != "")
		run(second);
	run("Select All");
	run("Copy");
	w = getWidth();
	h = getHeight();
	close();
	selectImage("scene");
	makeRectangle(x, y, w, h);
	run("Paste");
}
