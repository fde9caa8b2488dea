-- POSTs a random line of the file named by WRK_BODIES (one JSON body per line) to the URL wrk was given.
local bodies = {}
for line in io.lines(os.getenv("WRK_BODIES")) do
  if #line > 0 then bodies[#bodies + 1] = line end
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  math.randomseed(20261205 + (id or 0) * 7919)
end

request = function()
  return wrk.format(nil, nil, nil, bodies[math.random(#bodies)])
end
