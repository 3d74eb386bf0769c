/* A stand-in for Windows' bcryptprimitives.dll, for running tests under Wine 8
 * only. Rust's std (1.78+) takes its random bytes from ProcessPrng, which
 * Wine 8 lacks, so a Windows build won't even load there. Windows itself has
 * the real DLL: this file is never shipped. */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
