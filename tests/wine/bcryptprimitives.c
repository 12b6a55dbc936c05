/* Test-only stand-in for Windows' bcryptprimitives.dll, which Wine 8.0
 * lacks. Rust's standard library calls its ProcessPrng at start-up; this
 * forwards to advapi32's SystemFunction036 (RtlGenRandom). Built by the test
 * set-up and placed beside subsidy.exe for the Wine tests only; never shipped.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll \
 *       bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
