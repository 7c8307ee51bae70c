package vmlayout.engine;

/**
 * A range of physical addresses and what became of it.
 *
 * @param start first byte
 * @param end   first byte past the range (exclusive; 64-bit physical addresses)
 * @param use   lowmem, highmem, dropped or reserved
 * @param why   for dropped and reserved ranges, which rule took it (empty otherwise)
 */
public record RamRange(long start, long end, RamUse use, String why) {
    public long size() {
        return end - start;
    }
}
