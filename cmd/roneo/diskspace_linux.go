package main

import "syscall"

// freeSpace is what the file system holding dir has free for an unprivileged user.
func freeSpace(dir string) (diskSpace, bool, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return diskSpace{}, false, err
	}
	var sf syscall.Stat_t
	if err := syscall.Stat(dir, &sf); err != nil {
		return diskSpace{}, false, err
	}
	return diskSpace{Free: st.Bavail * uint64(st.Bsize), Device: uint64(sf.Dev)}, true, nil
}
