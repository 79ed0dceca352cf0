package sqlstore

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// dialectDefinitions are the only files that may look at a dialect's name: where each
// dialect is defined.
var dialectDefinitions = map[string]bool{"sqlite.go": true, "postgres.go": true}

// TestNoSharedFileNamesADialect: shared code asks the dialect for what differs (a field
// or a method of dialect), never which database it is.
func TestNoSharedFileNamesADialect(t *testing.T) {
	found, uses, err := dialectNameTests(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("%s: tests a dialect's name: ask the dialect for what differs instead", f)
	}
	if uses == 0 {
		t.Fatal("no use of a dialect found: the type check did not see the package")
	}
}

// The check itself, on shared code that tests a dialect's name in each way it can.
func TestNoSharedFileNamesADialectCatches(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"sqlite.go": `package sqlstore
type dialect struct{ name string }
var sqliteDialect = &dialect{name: "sqlite"}
func (d *dialect) isSQLite() bool { return d.name == "sqlite" }
`,
		"shared.go": `package sqlstore
import "database/sql"
type DB struct{ dialect *dialect; read *sql.DB }
func (db *DB) f(d *dialect) bool {
	switch db.dialect.name {
	}
	name := "x"
	return db.dialect.name == "postgres" || "sqlite" != (d.name) || name == "x"
}
`,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	found, _, err := dialectNameTests(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"shared.go:5:2", "shared.go:8:9", "shared.go:8:42"}; strings.Join(found, " ") != strings.Join(want, " ") {
		t.Errorf("found %v, want %v", found, want)
	}
}

// dialectNameTests type-checks the package in dir without its imports, which is enough
// to know which expressions are dialects, and returns where files other than the
// dialects' definitions compare or switch on a dialect's name, and how many uses of a
// dialect it saw in them.
func dialectNameTests(dir string) (found []string, uses int, err error) {
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, 0, err
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			return nil, 0, err
		}
		files = append(files, f)
	}
	info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{
		Importer: importerFunc(func(string) (*types.Package, error) { return nil, errors.New("not loaded") }),
		Error:    func(error) {}, // the imports' types stay unknown; the package's own are enough
	}
	conf.Check("sqlstore", fset, files, info)
	isName := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "name" {
			return false
		}
		s := info.Selections[sel]
		return s != nil && isDialect(s.Recv())
	}
	for _, f := range files {
		pos := func(n ast.Node) string {
			p := fset.Position(n.Pos())
			return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
		}
		if dialectDefinitions[filepath.Base(fset.Position(f.Pos()).Filename)] {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if (n.Op == token.EQL || n.Op == token.NEQ) && (isName(n.X) || isName(n.Y)) {
					found = append(found, pos(n))
				}
			case *ast.SwitchStmt:
				if n.Tag != nil && isName(n.Tag) {
					found = append(found, pos(n))
				}
			case *ast.SelectorExpr:
				if s := info.Selections[n]; s != nil && isDialect(s.Recv()) {
					uses++
				}
			}
			return true
		})
	}
	return found, uses, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func isDialect(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Name() == "dialect"
}
