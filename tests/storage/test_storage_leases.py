"""The daemon lease in storage: one holder at a time, renewal, expiry, dead holders."""

from __future__ import annotations

import threading
import time


def test_one_holder_at_a_time_until_expiry_or_release(storage):
    assert storage.acquire_lease("daemon", "a", ttl_s=60)
    assert storage.acquire_lease("daemon", "a", ttl_s=60)  # renewal
    assert not storage.acquire_lease("daemon", "b", ttl_s=60)
    assert storage.get_lease("daemon")[0] == "a"
    storage.release_lease("daemon", "b")  # not b's to release
    assert not storage.acquire_lease("daemon", "b", ttl_s=60)
    storage.release_lease("daemon", "a")
    assert storage.acquire_lease("daemon", "b", ttl_s=0.2)
    time.sleep(0.3)
    assert storage.acquire_lease("daemon", "c", ttl_s=60)  # b's lease expired
    assert storage.acquire_lease("daemon", "d", ttl_s=60, replaceable=["c"])  # c is dead
    assert storage.get_lease("daemon")[0] == "d"
    assert storage.get_lease("other") is None


def test_racing_holders_never_both_win(storage):
    winners = []

    def race(holder):
        if storage.acquire_lease("daemon", holder, ttl_s=60):
            winners.append(holder)

    threads = [threading.Thread(target=race, args=(f"h{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1
