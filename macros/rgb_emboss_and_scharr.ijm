// Convolution of a colour image, channel by channel, as the article does with
// scipy.signal.convolve2d on each of R, G and B: an emboss kernel on the
// astronaut, then the complex Scharr kernel (horizontal gradient real,
// vertical gradient imaginary), whose result is shown as the gradient magnitude.

run("Open ConvolveJ Sample", "sample=astronaut");
rename("astronaut");

// Emboss each channel; "Same as input" rounds and clips to 0..255 per channel,
// like np.clip(result, 0, 255).astype(np.uint8).
run("Convolve ND...", "kernel=[-2 -1 0; -1 1 1; 0 1 2] mode=same boundary=symm value=0 output=[Same as input]");
rename("astronaut-emboss");

// The Scharr gradient of the gray image: one complex convolution gives both
// directions; its magnitude is the edge strength.
selectImage("astronaut");
run("Duplicate...", "title=astronaut-gray");
run("8-bit");
run("32-bit");
run("Divide...", "value=255");
run("Convolve ND...", "kernel=[-3-3i -10i 3-3i; -10 0 10; -3+3i 10i 3+3i] mode=same boundary=symm value=0 complex=Magnitude");
rename("astronaut-scharr-magnitude");
resetMinAndMax();
