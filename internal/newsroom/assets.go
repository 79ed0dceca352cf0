package newsroom

import (
	"net/http"
)

// The newsroom's own stylesheet, script and icon are served under names that carry a
// hash of their content (the web kit's assets), so that browsers may keep them for a
// year and still never run an outdated script against a new page. These are the only
// newsroom answers that may be cached: they hold no one's data.
var assetNames = []string{"newsroom.css", "newsroom.js", "icon.svg"}

// serveAsset answers /newsroom/static/{file}.
func (s *Server) serveAsset(w http.ResponseWriter, r *request) error {
	return s.assets.Serve(w, r.Request, r.PathValue("file"))
}
