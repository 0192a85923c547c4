/* Windows' bcryptprimitives.dll ProcessPrng, for the Wine build only (never shipped).
 *
 * Rust's standard library (1.78 and later) takes its random bytes from ProcessPrng, which
 * Windows 10 and later have; Wine 8.0 (Debian 12) does not, so Rust-built extensions (nh3,
 * orjson) fail to load under it. This one is real, not a stand-in: the bytes come from Wine's
 * BCryptGenRandom with the system RNG, as Windows' own ProcessPrng draws on the system RNG.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) {
            return FALSE;
        }
        data += chunk;
        size -= chunk;
    }
    return TRUE; /* Windows documents that ProcessPrng always returns TRUE */
}
