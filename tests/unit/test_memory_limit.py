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


PEAK = """
from workers import memory
memory.limit_memory(200)
memory.reset_peak()
print(memory.ran_out())
hog = bytearray(190 * memory.MIB)
hog[::4096] = b"x" * len(hog[::4096])  # touch every page
del hog
print(memory.ran_out())
memory.reset_peak()
print(memory.ran_out())
"""


def test_a_process_that_came_close_to_its_cap_knows_it_ran_out():
    out = subprocess.run([sys.executable, "-c", PEAK], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "True", "False"], out.stderr
