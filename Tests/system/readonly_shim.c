/*
 * LD_PRELOAD library for test_fault_storage.py: while the file named by READONLY_SHIM_FLAG exists,
 * every write to a file under READONLY_SHIM_DIR fails with EROFS, as it would after
 * `mount -o remount,ro` (which Linux refuses while a process holds a file open for writing, as
 * SQLite always does). Remove the flag file and writes succeed again: the filesystem "remounted rw".
 *
 * Covers what SQLite's unix VFS and Foundation use to change a file: write, pwrite(64), writev,
 * pwritev(64), ftruncate(64), fallocate(64), posix_fallocate(64), open(64)/openat(64) for writing
 * or creating, unlink(at), rename(at), mkdir(at). Memory already mapped (the -shm index) stays
 * writable, as on a remounted tmpfs.
 *
 *     cc -shared -fPIC -O2 -o readonly_shim.so readonly_shim.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

static int read_only_now(void) {
    const char *flag = getenv("READONLY_SHIM_FLAG");
    struct stat st;
    return flag && stat(flag, &st) == 0;
}

static int under_directory(const char *path) {
    const char *dir = getenv("READONLY_SHIM_DIR");
    if (!dir || !path) return 0;
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* The file an open descriptor refers to. */
static int fd_under_directory(int fd) {
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n < 0) return 0;
    path[n] = '\0';
    return under_directory(path);
}

/* A path as given (relative to dirfd or the working directory) made absolute, good enough here. */
static int at_path_under_directory(int dirfd, const char *path) {
    if (!path) return 0;
    if (path[0] == '/') return under_directory(path);
    char base[4096], full[8192];
    if (dirfd == AT_FDCWD) {
        if (!getcwd(base, sizeof base)) return 0;
    } else {
        char link[64];
        snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
        ssize_t n = readlink(link, base, sizeof base - 1);
        if (n < 0) return 0;
        base[n] = '\0';
    }
    snprintf(full, sizeof full, "%s/%s", base, path);
    return under_directory(full);
}

#define REFUSE_FD(fd, failure) \
    do { if (read_only_now() && fd_under_directory(fd)) { errno = EROFS; return failure; } } while (0)
#define REFUSE_PATH(dirfd, path, failure) \
    do { if (read_only_now() && at_path_under_directory(dirfd, path)) { errno = EROFS; return failure; } } while (0)

ssize_t write(int fd, const void *buf, size_t count) { REFUSE_FD(fd, -1); return REAL(write)(fd, buf, count); }
ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset) { REFUSE_FD(fd, -1); return REAL(pwrite)(fd, buf, count, offset); }
ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset) { REFUSE_FD(fd, -1); return REAL(pwrite64)(fd, buf, count, offset); }
ssize_t writev(int fd, const struct iovec *iov, int n) { REFUSE_FD(fd, -1); return REAL(writev)(fd, iov, n); }
ssize_t pwritev(int fd, const struct iovec *iov, int n, off_t offset) { REFUSE_FD(fd, -1); return REAL(pwritev)(fd, iov, n, offset); }
ssize_t pwritev64(int fd, const struct iovec *iov, int n, off64_t offset) { REFUSE_FD(fd, -1); return REAL(pwritev64)(fd, iov, n, offset); }
int ftruncate(int fd, off_t length) { REFUSE_FD(fd, -1); return REAL(ftruncate)(fd, length); }
int ftruncate64(int fd, off64_t length) { REFUSE_FD(fd, -1); return REAL(ftruncate64)(fd, length); }
int fallocate(int fd, int mode, off_t offset, off_t len) { REFUSE_FD(fd, -1); return REAL(fallocate)(fd, mode, offset, len); }
int fallocate64(int fd, int mode, off64_t offset, off64_t len) { REFUSE_FD(fd, -1); return REAL(fallocate64)(fd, mode, offset, len); }
int posix_fallocate(int fd, off_t offset, off_t len) {
    if (read_only_now() && fd_under_directory(fd)) return EROFS;
    return REAL(posix_fallocate)(fd, offset, len);
}
int posix_fallocate64(int fd, off64_t offset, off64_t len) {
    if (read_only_now() && fd_under_directory(fd)) return EROFS;
    return REAL(posix_fallocate64)(fd, offset, len);
}

#define WRITES(flags) (((flags) & O_ACCMODE) != O_RDONLY || ((flags) & (O_CREAT | O_TRUNC)))
#define MODE_ARGUMENT(flags, mode) \
    mode_t mode = 0; \
    if ((flags) & (O_CREAT | O_TMPFILE)) { va_list args; va_start(args, flags); mode = va_arg(args, mode_t); va_end(args); }

int open(const char *path, int flags, ...) {
    MODE_ARGUMENT(flags, mode);
    if (WRITES(flags)) REFUSE_PATH(AT_FDCWD, path, -1);
    return REAL(open)(path, flags, mode);
}
int open64(const char *path, int flags, ...) {
    MODE_ARGUMENT(flags, mode);
    if (WRITES(flags)) REFUSE_PATH(AT_FDCWD, path, -1);
    return REAL(open64)(path, flags, mode);
}
int openat(int dirfd, const char *path, int flags, ...) {
    MODE_ARGUMENT(flags, mode);
    if (WRITES(flags)) REFUSE_PATH(dirfd, path, -1);
    return REAL(openat)(dirfd, path, flags, mode);
}
int openat64(int dirfd, const char *path, int flags, ...) {
    MODE_ARGUMENT(flags, mode);
    if (WRITES(flags)) REFUSE_PATH(dirfd, path, -1);
    return REAL(openat64)(dirfd, path, flags, mode);
}
int unlink(const char *path) { REFUSE_PATH(AT_FDCWD, path, -1); return REAL(unlink)(path); }
int unlinkat(int dirfd, const char *path, int flags) { REFUSE_PATH(dirfd, path, -1); return REAL(unlinkat)(dirfd, path, flags); }
int rename(const char *from, const char *to) {
    REFUSE_PATH(AT_FDCWD, from, -1);
    REFUSE_PATH(AT_FDCWD, to, -1);
    return REAL(rename)(from, to);
}
int renameat(int fromfd, const char *from, int tofd, const char *to) {
    REFUSE_PATH(fromfd, from, -1);
    REFUSE_PATH(tofd, to, -1);
    return REAL(renameat)(fromfd, from, tofd, to);
}
int mkdir(const char *path, mode_t mode) { REFUSE_PATH(AT_FDCWD, path, -1); return REAL(mkdir)(path, mode); }
int mkdirat(int dirfd, const char *path, mode_t mode) { REFUSE_PATH(dirfd, path, -1); return REAL(mkdirat)(dirfd, path, mode); }
