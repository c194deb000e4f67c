"""The hold model and M/M/1 in SimPy, for the same-run comparison in bench/engine.ts."""
import json, random, sys, time
import simpy

def hold(k, events):
    env = simpy.Environment()
    rng = random.Random(1)
    count = [0]
    def proc(env):
        while True:
            yield env.timeout(rng.expovariate(1.0))
            count[0] += 1
            if count[0] >= events:
                raise simpy.core.StopSimulation(None)
    for _ in range(k):
        env.process(proc(env))
    start = time.perf_counter()
    try:
        env.run()
    except simpy.core.StopSimulation:
        pass
    seconds = time.perf_counter() - start
    return {"events": count[0], "seconds": seconds}

def mm1(lam, mu, customers):
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=1)
    arr, svc = random.Random(1), random.Random(2)
    waits = []
    def customer(env):
        t0 = env.now
        with server.request() as req:
            yield req
            waits.append(env.now - t0)
            yield env.timeout(svc.expovariate(mu))
    def source(env):
        for _ in range(customers):
            yield env.timeout(arr.expovariate(lam))
            env.process(customer(env))
    env.process(source(env))
    start = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - start
    return {"customers": customers, "seconds": seconds, "meanWaitInQueue": sum(waits) / len(waits)}

if __name__ == "__main__":
    what = sys.argv[1]
    if what == "hold":
        print(json.dumps(hold(int(sys.argv[2]), int(sys.argv[3]))))
    else:
        print(json.dumps(mm1(float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]))))
