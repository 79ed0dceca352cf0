// Package pictures draws the demo's photographs: placards, banners, marches,
// meetings, portraits and townscapes, made with code from simple shapes so that the
// demo newspaper has pictures without a single file copied from anywhere.
//
// A [Spec] names the subject ([Kind]), a seed and a size; [Draw] returns the picture.
// The look is that of a newspaper's photo illustration: one light per picture (a
// clear day, late afternoon, dusk, a grey rainy Belgian day, the blue hour) gives the
// sky, the haze that distance fades to, and the colours of walls, clothes and
// shadows; people are faceless figures seen from behind or in front; placards and
// banners carry the Spec's text in Go Bold, wrapped, centred and as large as fits.
// Film grain and a vignette finish every picture.
//
// It must import nothing but the standard library, golang.org/x/image and
// golang.org/x/text: it draws into memory, and the demo decides what to draw, how to
// encode it and where to store it.
//
// # Choices
//
//   - Deterministic: the same Spec gives the same pixels with the same build. The
//     random choices come from a SplitMix64 stream seeded by the Spec, not math/rand,
//     whose helpers promise no stable stream; the rasterizer works in floating point,
//     so another architecture may give other bytes.
//   - Cheap: a picture of 1600×1067 takes tens of milliseconds on one core. Shapes go
//     through golang.org/x/image/vector into a mask the size of their bounding box;
//     upright rectangles (windows, walls) are filled directly; the sky, the ground,
//     glows, reflections in water, the grain and the vignette are passes over rows.
//     The demo draws a limited set once and reuses it.
//   - Text is bounded: cut at 200 runes, composed (NFC), without control
//     characters or characters the font lacks. French punctuation stays with its word
//     (no line begins with "!"); a word too long for any line is broken. Text too
//     small to read, or no text, is drawn as scribbled lines.
//   - Any size draws: a picture of 1×1 or 17×3000 is a crop of a scene scaled to at
//     least a third of its longer side, never thousands of tiny figures. A width or
//     height under 1 gives an empty image.
package pictures
