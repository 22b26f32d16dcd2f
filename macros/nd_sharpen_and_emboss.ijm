// N-D convolution with scipy.ndimage.convolve on a colour image held as a
// height x width x 3 array: a (3,3,1) kernel filters every channel alike, and
// mode 'nearest' repeats the edge pixels outside the image. ImageJ filters an
// RGB image channel by channel, so the 2-D kernel does the same here.

run("Open ConvolveJ Sample", "sample=raccoon-face");
rename("raccoon");

// Sharpen: the centre pixel against its four neighbours
run("Convolve ND...", "kernel=[0 -1 0; -1 5 -1; 0 -1 0] mode=same boundary=nearest value=0 output=[Same as input]");
rename("raccoon-sharpen");

// Emboss
selectImage("raccoon");
run("Convolve ND...", "kernel=[-2 -1 0; -1 1 1; 0 1 2] mode=same boundary=nearest value=0 output=[Same as input]");
rename("raccoon-emboss");
