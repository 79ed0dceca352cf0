// Package photo takes in uploaded photos and makes the derivatives pages show.
//
// The privacy guarantee: a photo Roneo stores, or serves, is never the file that was
// uploaded. Clean decodes the upload to pixels, turns them upright by the EXIF
// orientation, and encodes those pixels again with Go's own encoders, which write no
// metadata at all: no EXIF (camera, serial number, date, GPS position), no IPTC, no
// XMP, no ICC profile, no maker notes, no comments and no PNG text chunks. Nothing of
// the uploaded file is copied but its pixels, so a kind of metadata this package has
// never heard of is dropped as surely as GPS. It is not optional. The stored original is
// named by the SHA-256 of the cleaned bytes, never by the uploader's file name, so the
// same photo uploaded twice is stored once. Derive makes resized JPEG and WebP copies
// from that cleaned original, so they carry nothing either.
//
// Uploads are untrusted: the format is recognised by content; the size in pixels is read
// before decoding, so that a small file claiming a huge picture (a decompression bomb)
// is refused without allocating it; animated images are refused. Refusals are *Error,
// with a reason a journalist can read.
//
// Memory is bounded: an upload is spooled to a temporary file, not held in memory, and
// the decoding work of Clean and Derive passes a process-wide gate (SetConcurrency), so
// that a burst of uploads queues instead of decoding all at once. A photo is decoded
// once and never converted to a second full-size copy unless it must be turned.
//
// It imports content (for Photo and the names of files) and media (the store), and no
// database, HTTP or site package: the newsroom, the command line and the job runner call
// it.
package photo
