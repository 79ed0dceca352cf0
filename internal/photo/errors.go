package photo

import "errors"

// The kinds of refusal, for errors.Is. Each *Error is one of them.
var (
	ErrEmpty         = errors.New("empty file")
	ErrTooLarge      = errors.New("file too large")
	ErrNotImage      = errors.New("not a photo")
	ErrUnsupported   = errors.New("image format not accepted")
	ErrTooManyPixels = errors.New("too many pixels")
	ErrAnimated      = errors.New("animated image")
	ErrCorrupt       = errors.New("damaged image")
)

// Error is an upload refused for what it is, not for a failure of the server: its
// Reason is a sentence for the person who uploaded it ("The file is empty."); callers
// put the file's name before it. Failures of the store, of the temporary directory or a
// cancelled context are other errors.
type Error struct {
	Kind   error  // one of the Err… kinds above
	Reason string // for the uploader, without the file name
	Err    error  // the decoder's error, if any, for logs
}

func (e *Error) Error() string { return e.Reason }

// Is matches the kind: errors.Is(err, photo.ErrCorrupt).
func (e *Error) Is(target error) bool { return target == e.Kind }

// Unwrap returns the decoder's error, if any.
func (e *Error) Unwrap() error { return e.Err }

func refuse(kind error, reason string) *Error { return &Error{Kind: kind, Reason: reason} }

func refuseErr(kind error, reason string, err error) *Error {
	return &Error{Kind: kind, Reason: reason, Err: err}
}

// accepted is said in every reason about the format.
const accepted = "Roneo accepts JPEG, PNG and WebP photos."
