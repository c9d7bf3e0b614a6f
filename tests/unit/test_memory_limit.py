"""A pool process cannot grow past its cap: the allocation fails, the process goes on."""
import subprocess
import sys

PROBE = """
from workers.memory import MIB, limit_memory
limit_memory(150)
try:
    hog = bytearray(400 * MIB)
    print("allocated")
except MemoryError:
    print("refused")
small = bytearray(10 * MIB)
print("still works")
"""


def test_an_allocation_over_the_cap_raises_memory_error_and_the_process_goes_on():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["refused", "still", "works"], out.stderr
