-- wrk: the same request every time, with the Bearer session the create benchmark uses.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
