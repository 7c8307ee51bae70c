package vmlayout.engine.x86;

import static vmlayout.engine.x86.X86Run.assertInOrder;
import static vmlayout.engine.x86.X86Run.run;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Debian 12's 686 and 686-pae kernels (6.1.0-57, 6.1.192) on QEMU -M pc with 1, 2 and 3 GB, with no -D: the 686 run
 * gives nothing but the map (vmlayout's 5.11+ default is Debian 12's: NR_CPUS 32, fixmap 71 + 16 x 32 = 583 pages,
 * 43-page cpu_entry_areas, HIGHMEM4G), the 686-pae run only its --config. Real boots (vmlayout's realboot scripts:
 * boot.sh i386|i386-pae 1024|2048|3072 'nokaslr') print the figures below.
 * <pre>
 * 583 permanent pages; 583 ^ (583 + 511) has bits above 1023 and 511: FIX_BTMAP_END = 583 + 512 - 71 = 1024,
 *   + 512 slots + FIX_WP_TEST = 1537 pages: FIXADDR_TOT_START = 0xfffff000 - 1537 * 4096 = 0xff9fe000
 * CPU_ENTRY_AREA_BASE = (0xff9fe000 - (32 * 43 + 1) * 4096 = 0xff49d000) &amp; PMD_MASK
 *   non-PAE (4 MB): 0xff400000, LDT 0xff000000, PKMAP 0xfec00000, VMALLOC_END 0xfebfe000
 *   PAE (2 MB):     0xff400000, LDT 0xff200000, PKMAP 0xff000000, VMALLOC_END 0xfeffe000
 * MAXMEM = VMALLOC_END - 0xc0000000 - 128 MB: 0x36bfe000 (875 MB) / 0x36ffe000 (879 MB)
 * max_pfn = last usable page: RAM - 128 kB, i.e. 0x3ffe0 / 0x7ffe0 / 0xbffe0;
 * HIGHMEM = (max_pfn - max_low_pfn) >> 8: 1 GB (0x3ffe0 - 0x36bfe) >> 8 = 147, 2 GB 1171, 3 GB 2195 (non-PAE);
 *   PAE (max_low_pfn 0x36ffe): 143, 1167, 2191.
 * </pre>
 */
class X86DebianDefaultsTest {

    @ParameterizedTest
    @CsvSource({
        "1024, '', 147MB HIGHMEM available., 875MB LOWMEM available., 0xf73fe000 - 0xfebfe000",
        "2048, '', 1171MB HIGHMEM available., 875MB LOWMEM available., 0xf73fe000 - 0xfebfe000",
        "3072, '', 2195MB HIGHMEM available., 875MB LOWMEM available., 0xf73fe000 - 0xfebfe000",
        "1024, --config=testdata/artifacts/config-6.1.0-50-686-pae, 143MB HIGHMEM available., 879MB LOWMEM available., 0xf77fe000 - 0xfeffe000",
        "2048, --config=testdata/artifacts/config-6.1.0-50-686-pae, 1167MB HIGHMEM available., 879MB LOWMEM available., 0xf77fe000 - 0xfeffe000",
        "3072, --config=testdata/artifacts/config-6.1.0-50-686-pae, 2191MB HIGHMEM available., 879MB LOWMEM available., 0xf77fe000 - 0xfeffe000",
    })
    void debian12OnQemuPc(long mb, String config, String highmem, String lowmem, String vmalloc) {
        long top = mb << 20;
        List<String> a = new ArrayList<>(List.of("--kernel=6.1.192", "--e820=0:0x9fc00:usable", "--e820=0x9fc00:0x400:reserved",
                "--e820=0xf0000:0x10000:reserved", "--e820=0x100000:0x" + Long.toHexString(top - 0x100000 - 0x20000) + ":usable",
                "--e820=0x" + Long.toHexString(top - 0x20000) + ":0x20000:reserved", "--e820=0xfffc0000:0x40000:reserved"));
        if (!config.isEmpty()) {
            a.add(config);
        }
        List<String> out = run(a.toArray(new String[0])).outLines();
        List<String> stripped = new ArrayList<>();
        for (String s : out) {
            stripped.add(s.strip().replaceAll("\\s+\\(.*$", ""));
        }
        assertInOrder(stripped, highmem, lowmem, "vmalloc : " + vmalloc);
    }
}
