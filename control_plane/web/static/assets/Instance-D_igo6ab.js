import{a as e,c as t,d as n,i as r,n as i,o as a,u as o}from"./index-UtIBear6.js";import{t as s}from"./jsx-runtime-CYb7M32Z.js";var c=s(),l=i(`
  query Instance {
    instance {
      processId
      isDaemonLeader
      daemonLeader {
        holder
        term
        expiresAt
        expiresIn
      }
      daemonHeartbeats {
        daemonType
        daemonId
        timestamp
        age
      }
      maxConcurrentRuns
      backfillChunkSize
      backfillIntervalSeconds
      leaseTtlSeconds
    }
    inFlight: runs(filter: { statuses: [STARTING, STARTED, CANCELING] }, limit: 100) {
      __typename
      ... on RunConnection {
        count
        nodes {
          runId
          pipelineName
          status
          startTime
        }
      }
      ... on Error {
        message
      }
    }
    queued: runs(filter: { statuses: [QUEUED] }, limit: 1) {
      __typename
      ... on RunConnection {
        count
      }
    }
  }
`);function u(){let{data:i,error:s,loading:u}=o(l,{},{pollMs:2e3}),d=i?.instance,f=d?.daemonLeader;return(0,c.jsxs)(`section`,{children:[(0,c.jsx)(`h1`,{children:`Instance`}),(0,c.jsx)(r,{error:s,loading:u&&!i}),d&&(0,c.jsxs)(c.Fragment,{children:[(0,c.jsx)(`h2`,{children:`Daemon`}),(0,c.jsxs)(`dl`,{className:`run-facts`,"data-testid":`daemon-leader`,children:[(0,c.jsx)(`dt`,{children:`Leader`}),(0,c.jsx)(`dd`,{children:f&&f.expiresIn>0?(0,c.jsxs)(c.Fragment,{children:[(0,c.jsx)(`span`,{className:`mono`,children:f.holder}),f.holder===d.processId?` (this server)`:``,` · term `,f.term,` · lease expires in `,f.expiresIn.toFixed(1),` s`]}):f?(0,c.jsxs)(c.Fragment,{children:[`none: the lease of `,(0,c.jsx)(`span`,{className:`mono`,children:f.holder}),` (term `,f.term,`) expired`,` `,(-f.expiresIn).toFixed(1),` s ago`]}):`no process has taken the daemon lease`}),(0,c.jsx)(`dt`,{children:`This server`}),(0,c.jsxs)(`dd`,{children:[(0,c.jsx)(`span`,{className:`mono`,children:d.processId}),` `,d.isDaemonLeader?`leads the daemon`:`does not lead the daemon`]})]}),(0,c.jsxs)(`table`,{className:`grid heartbeats`,children:[(0,c.jsx)(`thead`,{children:(0,c.jsxs)(`tr`,{children:[(0,c.jsx)(`th`,{children:`Daemon`}),(0,c.jsx)(`th`,{children:`Process`}),(0,c.jsx)(`th`,{children:`Last heartbeat`}),(0,c.jsx)(`th`,{children:`Age`})]})}),(0,c.jsx)(`tbody`,{children:d.daemonHeartbeats.map(e=>(0,c.jsxs)(`tr`,{"data-daemon":e.daemonType,children:[(0,c.jsx)(`td`,{children:e.daemonType}),(0,c.jsx)(`td`,{className:`mono`,children:e.daemonId}),(0,c.jsx)(`td`,{children:t(e.timestamp)}),(0,c.jsxs)(`td`,{className:e.age>d.leaseTtlSeconds?`stale`:``,children:[e.age.toFixed(1),` s`]})]},e.daemonType))})]}),(0,c.jsx)(`h2`,{children:`Settings`}),(0,c.jsxs)(`dl`,{className:`run-facts`,"data-testid":`settings`,children:[(0,c.jsx)(`dt`,{children:`run_queue.max_concurrent_runs`}),(0,c.jsx)(`dd`,{children:d.maxConcurrentRuns}),(0,c.jsx)(`dt`,{children:`backfill_daemon.chunk_size`}),(0,c.jsx)(`dd`,{children:d.backfillChunkSize}),(0,c.jsx)(`dt`,{children:`backfill_daemon.interval_seconds`}),(0,c.jsx)(`dd`,{children:d.backfillIntervalSeconds}),(0,c.jsx)(`dt`,{children:`daemon_lease.ttl_seconds`}),(0,c.jsx)(`dd`,{children:d.leaseTtlSeconds})]})]}),i?.inFlight.__typename===`RunConnection`&&(0,c.jsxs)(c.Fragment,{children:[(0,c.jsxs)(`h2`,{children:[`In flight: `,i.inFlight.count,` of `,d?.maxConcurrentRuns,i.queued.__typename===`RunConnection`?` · ${i.queued.count} queued`:``]}),(0,c.jsx)(`ul`,{"data-testid":`in-flight`,children:i.inFlight.nodes.map(e=>(0,c.jsxs)(`li`,{children:[(0,c.jsx)(a,{status:e.status}),` `,(0,c.jsx)(n,{className:`mono`,to:`/runs/${e.runId}`,children:e.runId.slice(0,8)}),` `,e.pipelineName,` `,(0,c.jsxs)(`span`,{className:`muted`,children:[`since `,t(e.startTime)]})]},e.runId))})]}),i&&i.inFlight.__typename!==`RunConnection`&&(0,c.jsx)(e,{result:i.inFlight})]})}export{u as default};