import{n as e}from"./index-UtIBear6.js";var t=e(`
  query Pipeline($name: String!, $location: String) {
    pipeline(name: $name, location: $location) {
      __typename
      ... on Pipeline {
        name
        location
        description
        tags {
          key
          value
        }
        modes {
          name
          description
          resources {
            name
            description
            configSchema
          }
        }
        presets {
          name
          runConfig
          mode
          solidSelection
          tags {
            key
            value
          }
        }
        dependencies {
          solid
          upstreamSolid
          kind
        }
        solids {
          name
          definitionName
          description
          configSchema
          requiredResourceKeys
          tags {
            key
            value
          }
          retryPolicy {
            maxRetries
            delay
          }
          mappedOver {
            solid
            output
          }
          inputs {
            name
            type
            description
            hasDefault
            sources {
              solid
              output
              kind
            }
          }
          outputs {
            name
            type
            description
            isDynamic
            isRequired
            assetKey {
              key
            }
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);export{t};