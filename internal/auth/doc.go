// Package auth holds the newsroom's accounts and rules: users and their roles, what each
// role may do, password hashing, second factors and one-time tokens.
//
// It does no I/O beyond reading randomness: no database, no HTTP. The store keeps its
// values; the newsroom's handlers ask it whether an action is allowed.
package auth
