/* vfs.c - the VFS restwatch opens a journal through: SQLite's default one
 * with each b-tree page checked (pages.c) as SQLite reads it from the
 * journal or its WAL and as a write puts it out.  A page that fails makes
 * the read or the write fail with SQLITE_IOERR_DATA, so that the command
 * stops with 74 and the transaction is rolled back: a commit's frames are
 * written to the WAL before the frame that commits them, and a write
 * stopped before that frame leaves the journal as it was.
 */
#include "internal.h"

#include <string.h>

/* The WAL's header and each frame's header (docs/formats.md, "Damage"). */
#define WAL_HDR 32
#define FRAME_HDR 24

struct pfile {
	sqlite3_file base;
	sqlite3_file *real;    /* the default VFS's file, allocated after this */
	int kind;              /* SQLITE_OPEN_MAIN_DB, SQLITE_OPEN_WAL or 0 */
	sqlite3_int64 frame;   /* where the last WAL frame header was written */
	uint32_t frame_pgno;   /* and the page it named */
};

static uint32_t get4(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Whether amount bytes at at are a whole page of the file. */
static bool page_sized(int amount)
{
	return amount >= 512 && amount <= 65536 && !(amount & (amount - 1));
}

/* Whether at is where a WAL frame's page begins (its header before it). */
static bool frame_page(sqlite3_int64 at, int amount)
{
	return at >= WAL_HDR + FRAME_HDR && (at - WAL_HDR - FRAME_HDR) % (amount + FRAME_HDR) == 0;
}

/* The number of the page whose amount bytes are at at: in the journal from
 * the offset, in the WAL from its frame's header (the one just written, or
 * read back: a page rewritten in a frame of the same transaction comes
 * without its header); 0 when it is not a whole page, or the header cannot
 * be read (then SQLite's own checks stand). */
static uint32_t page_at(struct pfile *f, sqlite3_int64 at, int amount)
{
	unsigned char fh[FRAME_HDR];

	if (!page_sized(amount))
		return 0;
	if (f->kind == SQLITE_OPEN_MAIN_DB)
		return at % amount == 0 ? (uint32_t)(at / amount) + 1 : 0;
	if (f->kind != SQLITE_OPEN_WAL || !frame_page(at, amount))
		return 0;
	if (at == f->frame + FRAME_HDR)
		return f->frame_pgno;
	if (f->real->pMethods->xRead(f->real, fh, FRAME_HDR, at - FRAME_HDR) != SQLITE_OK)
		return 0;
	return get4(fh);
}

/* Page 1, or the 100-byte header SQLite reads first, says what every page
 * is (pages.c). */
static void note_header(struct pfile *f, const void *buf, int amount, sqlite3_int64 at,
			uint32_t pgno)
{
	if (pgno == 1 || (f->kind == SQLITE_OPEN_MAIN_DB && at == 0))
		jn_page_header(buf, amount);
}

static int p_read(sqlite3_file *pf, void *buf, int amount, sqlite3_int64 at)
{
	struct pfile *f = (struct pfile *)pf;
	int rc = f->real->pMethods->xRead(f->real, buf, amount, at);
	uint32_t pgno;

	if (rc != SQLITE_OK)
		return rc;
	pgno = page_at(f, at, amount);
	note_header(f, buf, amount, at, pgno);
	return pgno == 0 || jn_page_sound(buf, (unsigned)amount, pgno, false) ? SQLITE_OK
									      : SQLITE_IOERR_DATA;
}

static int p_write(sqlite3_file *pf, const void *buf, int amount, sqlite3_int64 at)
{
	struct pfile *f = (struct pfile *)pf;
	uint32_t pgno;

	if (f->kind == SQLITE_OPEN_WAL && amount == FRAME_HDR) {
		f->frame = at;
		f->frame_pgno = get4(buf);
	}
	pgno = page_at(f, at, amount);
	note_header(f, buf, amount, at, pgno);
	/* In WAL mode the journal itself is written only by checkpoints,
	 * which copy pages checked as they went into the WAL. */
	if (pgno && !(f->kind == SQLITE_OPEN_MAIN_DB && jn_pages_wal()) &&
	    !jn_page_sound(buf, (unsigned)amount, pgno, true))
		return SQLITE_IOERR_DATA;
	return f->real->pMethods->xWrite(f->real, buf, amount, at);
}

/* The rest of the file's methods forward to the real file. */
#define REAL(pf) (((struct pfile *)(pf))->real)
static int p_close(sqlite3_file *pf)
{
	return REAL(pf)->pMethods->xClose(REAL(pf));
}
static int p_truncate(sqlite3_file *pf, sqlite3_int64 size)
{
	return REAL(pf)->pMethods->xTruncate(REAL(pf), size);
}
static int p_sync(sqlite3_file *pf, int flags)
{
	return REAL(pf)->pMethods->xSync(REAL(pf), flags);
}
static int p_size(sqlite3_file *pf, sqlite3_int64 *size)
{
	return REAL(pf)->pMethods->xFileSize(REAL(pf), size);
}
static int p_lock(sqlite3_file *pf, int l)
{
	return REAL(pf)->pMethods->xLock(REAL(pf), l);
}
static int p_unlock(sqlite3_file *pf, int l)
{
	return REAL(pf)->pMethods->xUnlock(REAL(pf), l);
}
static int p_reserved(sqlite3_file *pf, int *out)
{
	return REAL(pf)->pMethods->xCheckReservedLock(REAL(pf), out);
}
static int p_control(sqlite3_file *pf, int op, void *arg)
{
	return REAL(pf)->pMethods->xFileControl(REAL(pf), op, arg);
}
static int p_sector(sqlite3_file *pf)
{
	return REAL(pf)->pMethods->xSectorSize(REAL(pf));
}
static int p_device(sqlite3_file *pf)
{
	return REAL(pf)->pMethods->xDeviceCharacteristics(REAL(pf));
}
static int p_shm_map(sqlite3_file *pf, int pg, int sz, int extend, void volatile **out)
{
	return REAL(pf)->pMethods->xShmMap(REAL(pf), pg, sz, extend, out);
}
static int p_shm_lock(sqlite3_file *pf, int at, int n, int flags)
{
	return REAL(pf)->pMethods->xShmLock(REAL(pf), at, n, flags);
}
static void p_shm_barrier(sqlite3_file *pf)
{
	REAL(pf)->pMethods->xShmBarrier(REAL(pf));
}
static int p_shm_unmap(sqlite3_file *pf, int del)
{
	return REAL(pf)->pMethods->xShmUnmap(REAL(pf), del);
}
static int p_fetch(sqlite3_file *pf, sqlite3_int64 at, int n, void **out)
{
	*out = NULL; /* no memory-mapped pages: each read goes through p_read */
	(void)pf, (void)at, (void)n;
	return SQLITE_OK;
}
static int p_unfetch(sqlite3_file *pf, sqlite3_int64 at, void *p)
{
	(void)pf, (void)at, (void)p;
	return SQLITE_OK;
}

static const sqlite3_io_methods methods = {
	3, p_close, p_read, p_write, p_truncate, p_sync, p_size, p_lock, p_unlock, p_reserved,
	p_control, p_sector, p_device, p_shm_map, p_shm_lock, p_shm_barrier, p_shm_unmap,
	p_fetch, p_unfetch,
};

static sqlite3_vfs vfs;

static int p_open(sqlite3_vfs *v, const char *name, sqlite3_file *pf, int flags, int *out)
{
	struct pfile *f = (struct pfile *)pf;
	sqlite3_vfs *real = v->pAppData;
	int rc;

	memset(f, 0, sizeof *f);
	f->real = (sqlite3_file *)(f + 1);
	f->kind = flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL);
	rc = real->xOpen(real, name, f->real, flags, out);
	if (f->real->pMethods)
		pf->pMethods = &methods;
	return rc;
}

/* The VFS's other calls go to the default one. */
static int v_delete(sqlite3_vfs *v, const char *n, int sync)
{
	sqlite3_vfs *r = v->pAppData;
	return r->xDelete(r, n, sync);
}
static int v_access(sqlite3_vfs *v, const char *n, int flags, int *out)
{
	sqlite3_vfs *r = v->pAppData;
	return r->xAccess(r, n, flags, out);
}
static int v_full(sqlite3_vfs *v, const char *n, int size, char *out)
{
	sqlite3_vfs *r = v->pAppData;
	return r->xFullPathname(r, n, size, out);
}
static void *v_dlopen(sqlite3_vfs *v, const char *n)
{
	sqlite3_vfs *r = v->pAppData;
	return r->xDlOpen(r, n);
}
static void v_dlerror(sqlite3_vfs *v, int n, char *out)
{
	sqlite3_vfs *r = v->pAppData;
	r->xDlError(r, n, out);
}
static void (*v_dlsym(sqlite3_vfs *v, void *h, const char *n))(void)
{
	sqlite3_vfs *r = v->pAppData;
	return r->xDlSym(r, h, n);
}
static void v_dlclose(sqlite3_vfs *v, void *h)
{
	sqlite3_vfs *r = v->pAppData;
	r->xDlClose(r, h);
}
static int v_random(sqlite3_vfs *v, int n, char *out)
{
	sqlite3_vfs *r = v->pAppData;
	return r->xRandomness(r, n, out);
}
static int v_sleep(sqlite3_vfs *v, int us)
{
	sqlite3_vfs *r = v->pAppData;
	return r->xSleep(r, us);
}
static int v_time(sqlite3_vfs *v, double *out)
{
	sqlite3_vfs *r = v->pAppData;
	return r->xCurrentTime(r, out);
}
static int v_last_error(sqlite3_vfs *v, int n, char *out)
{
	sqlite3_vfs *r = v->pAppData;
	return r->xGetLastError ? r->xGetLastError(r, n, out) : 0;
}
static int v_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
	sqlite3_vfs *r = v->pAppData;
	return r->xCurrentTimeInt64(r, out);
}

const char *jn_pages_vfs(void)
{
	sqlite3_vfs *real;

	if (vfs.zName)
		return vfs.zName;
	if (!(real = sqlite3_vfs_find(NULL)) || real->iVersion < 2)
		return NULL; /* the default VFS, unchecked */
	vfs = (sqlite3_vfs){
		.iVersion = 2, .szOsFile = (int)sizeof(struct pfile) + real->szOsFile,
		.mxPathname = real->mxPathname, .zName = "restwatch", .pAppData = real,
		.xOpen = p_open, .xDelete = v_delete, .xAccess = v_access, .xFullPathname = v_full,
		.xDlOpen = v_dlopen, .xDlError = v_dlerror, .xDlSym = v_dlsym,
		.xDlClose = v_dlclose, .xRandomness = v_random, .xSleep = v_sleep,
		.xCurrentTime = v_time, .xGetLastError = v_last_error,
		.xCurrentTimeInt64 = v_time64,
	};
	if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK) {
		vfs.zName = NULL;
		return NULL;
	}
	return vfs.zName;
}

