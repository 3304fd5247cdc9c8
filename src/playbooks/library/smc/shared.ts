// Commands several smc playbooks share, written once.

export const HALT_COMMAND = `kubectl exec -it deployment/trading-engine -n smc-trading -- python -c "
import redis
r = redis.Redis(host='redis', port=6379)
r.set('emergency_halt', 'true')
r.expire('emergency_halt', 3600)  # expires after one hour
print('Emergency trading halt activated')
"`;

export const RESUME_COMMAND = `kubectl exec -it deployment/trading-engine -n smc-trading -- python -c "
import redis
r = redis.Redis(host='redis', port=6379)
r.delete('emergency_halt')
print('Emergency trading halt removed')
"`;
